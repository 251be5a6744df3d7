package io.portfoliochat.gateway.error;

import io.portfoliochat.support.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A request the gateway refuses itself, with response headers the caller needs to react
 * ({@code Retry-After}, {@code Allow}, {@code WWW-Authenticate}). Rendered as the JSON envelope.
 */
public class RequestRejected extends ApiException {

    private final HttpHeaders responseHeaders;

    public RequestRejected(HttpStatus status, String message, HttpHeaders responseHeaders) {
        super(status, message);
        this.responseHeaders = HttpHeaders.readOnlyHttpHeaders(responseHeaders);
    }

    public HttpHeaders responseHeaders() {
        return responseHeaders;
    }
}
