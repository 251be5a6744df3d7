package io.portfoliochat.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that happen outside a controller (a filter, the container, an unmapped path) reach
 * {@code /error}; they get the same JSON envelope, never an HTML page or a stack trace.
 */
@RestController
public class EnvelopeErrorController implements ErrorController {

    @RequestMapping("${spring.web.error.path:/error}")
    ResponseEntity<ApiResponse<Void>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        return ApiExceptionHandler.respond(status, messageFor(status));
    }

    static String messageFor(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request is malformed";
            case UNAUTHORIZED -> "Authentication is required";
            case FORBIDDEN -> "You are not allowed to do this";
            case NOT_FOUND -> "No such endpoint";
            case METHOD_NOT_ALLOWED -> "This method is not allowed here";
            case CONTENT_TOO_LARGE -> "The request body is too large";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request headers are too large";
            case URI_TOO_LONG -> "The request URL is too long";
            case UNSUPPORTED_MEDIA_TYPE -> "Content-Type must be application/json";
            case SERVICE_UNAVAILABLE -> "The service is temporarily unavailable. Please try again.";
            default -> status.is4xxClientError()
                    ? "The request could not be served (" + status.value() + ")"
                    : "Something went wrong on our side. Please try again.";
        };
    }
}
