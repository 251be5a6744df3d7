package io.portfoliochat.admin.login;

import io.portfoliochat.support.web.ApiResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Adds Retry-After to the 429 of a throttled login (the shared handler writes no headers). */
@RestControllerAdvice(assignableTypes = LoginController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class LoginExceptionHandler {

    @ExceptionHandler(LoginThrottledException.class)
    ResponseEntity<ApiResponse<Void>> throttled(LoginThrottledException e) {
        return ResponseEntity.status(e.status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(ApiResponse.failure(e.getMessage()));
    }
}
