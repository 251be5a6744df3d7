package io.portfoliochat.gateway.error;

import io.portfoliochat.gateway.correlation.Correlation;
import io.portfoliochat.gateway.routing.RouteMetadata;
import io.portfoliochat.support.web.ApiException;
import io.portfoliochat.support.web.ApiResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every failure at the gateway becomes the JSON envelope with a fitting status: refusals of the
 * gateway itself (401, 403, 404, 405, 413, 429), a service that cannot be reached (503) or does
 * not answer in time (504). Never an HTML page, never a stack trace. Runs before Boot's own
 * handler.
 */
@Component
@Order(-2)
class EnvelopeErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(EnvelopeErrorWebExceptionHandler.class);
    /** Headers a service's response may have left that describe a body other than the envelope. */
    private static final List<String> ENTITY_HEADERS = List.of(HttpHeaders.CONTENT_LENGTH, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.CONTENT_ENCODING, HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CONTENT_DISPOSITION,
            HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED, HttpHeaders.CACHE_CONTROL);

    private final JsonMapper jsonMapper;

    EnvelopeErrorWebExceptionHandler(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        Failure described = describe(exchange, failure);
        logFailure(exchange, failure, described);
        response.setStatusCode(described.status());
        HttpHeaders headers = response.getHeaders();
        ENTITY_HEADERS.forEach(headers::remove);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setCacheControl("no-store");
        headers.putAll(described.headers());
        byte[] body = jsonMapper.writeValueAsBytes(ApiResponse.failure(described.message()));
        headers.setContentLength(body.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    private Failure describe(ServerWebExchange exchange, Throwable failure) {
        String service = RouteMetadata.serviceOf(exchange).orElse("The service");
        if (failure instanceof RequestRejected rejected) {
            return new Failure(rejected.status(), rejected.getMessage(), rejected.responseHeaders());
        }
        if (failure instanceof ApiException api) {
            return new Failure(api.status(), api.getMessage(), HttpHeaders.EMPTY);
        }
        if (causedBy(failure, ConnectException.class) || causedBy(failure, UnknownHostException.class)) {
            return new Failure(HttpStatus.SERVICE_UNAVAILABLE,
                    service + " is temporarily unavailable. Please try again in a moment.", HttpHeaders.EMPTY);
        }
        if (causedBy(failure, TimeoutException.class) || failure instanceof ResponseStatusException timeout
                && timeout.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
            return new Failure(HttpStatus.GATEWAY_TIMEOUT,
                    service + " did not answer in time. Please try again.", HttpHeaders.EMPTY);
        }
        if (causedBy(failure, DataBufferLimitException.class)) {
            return new Failure(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large", HttpHeaders.EMPTY);
        }
        if (failure instanceof ResponseStatusException statusException) {
            return fromStatus(exchange.getRequest(), statusException);
        }
        if (causedBy(failure, IOException.class) && RouteMetadata.routeOf(exchange).isPresent()) {
            return new Failure(HttpStatus.BAD_GATEWAY,
                    service + " broke off the connection. Please try again.", HttpHeaders.EMPTY);
        }
        return new Failure(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. Please try again.",
                HttpHeaders.EMPTY);
    }

    private static Failure fromStatus(ServerHttpRequest request, ResponseStatusException failure) {
        HttpStatusCode status = failure.getStatusCode();
        HttpHeaders headers = failure.getHeaders();
        String message = switch (status.value()) {
            case 400 -> failure instanceof ServerWebInputException ? "The request is malformed" : "Bad request";
            case 404 -> "No such page or endpoint: " + request.getPath().value();
            case 405 -> "Method " + request.getMethod().name() + " is not allowed here"
                    + (failure instanceof MethodNotAllowedException notAllowed && !notAllowed.getSupportedMethods().isEmpty()
                    ? " (allowed: " + String.join(", ", notAllowed.getSupportedMethods().stream().map(Object::toString).toList()) + ")"
                    : "");
            case 406 -> "No acceptable representation is available";
            case 413 -> "The request body is too large";
            case 415 -> "This content type is not supported here";
            case 431 -> "The request headers are too large";
            case 503 -> "The service is temporarily unavailable. Please try again in a moment.";
            default -> status.is4xxClientError()
                    ? "The request could not be served (" + status.value() + ")"
                    : "Something went wrong on our side. Please try again.";
        };
        return new Failure(status, message, headers);
    }

    private static void logFailure(ServerWebExchange exchange, Throwable failure, Failure described) {
        ServerHttpRequest request = exchange.getRequest();
        int status = described.status().value();
        if (status == 500) {
            Correlation.log(exchange, () -> log.error("Unexpected failure serving {} {}", request.getMethod(),
                    request.getPath(), failure));
        } else if (status >= 502) {
            Correlation.log(exchange, () -> log.warn("{} {} failed with {}: {}", request.getMethod(), request.getPath(),
                    status, rootMessage(failure)));
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private record Failure(HttpStatusCode status, String message, HttpHeaders headers) {
    }
}
