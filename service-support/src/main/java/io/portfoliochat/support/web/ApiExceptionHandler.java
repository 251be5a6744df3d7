package io.portfoliochat.support.web;

import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every failure into the JSON envelope with a fitting status and a message a person
 * understands. Client mistakes are 4xx; only genuine server faults are 5xx, and those never
 * leak internals.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiResponse<Void>> api(ApiException e) {
        return respond(e.status(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiResponse<Void>> invalidBody(MethodArgumentNotValidException e) {
        String message = e.getBindingResult().getFieldErrors().stream()
                .map(ApiExceptionHandler::describe)
                .distinct()
                .sorted()
                .collect(Collectors.joining("; "));
        if (message.isEmpty()) {
            message = e.getBindingResult().getGlobalErrors().stream()
                    .map(error -> error.getDefaultMessage())
                    .collect(Collectors.joining("; "));
        }
        return respond(HttpStatus.BAD_REQUEST, message.isEmpty() ? "The request is not valid" : message);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiResponse<Void>> invalidParameters(HandlerMethodValidationException e) {
        String message = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> result.getMethodParameter().getParameterName() + ": " + error.getDefaultMessage()))
                .sorted()
                .collect(Collectors.joining("; "));
        return respond(HttpStatus.BAD_REQUEST, message.isEmpty() ? "The request is not valid" : message);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiResponse<Void>> constraintViolation(ConstraintViolationException e) {
        String message = e.getConstraintViolations().stream()
                .map(violation -> lastNode(violation.getPropertyPath().toString()) + ": " + violation.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return respond(HttpStatus.BAD_REQUEST, message);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiResponse<Void>> unreadableBody(HttpMessageNotReadableException e) {
        return respond(HttpStatus.BAD_REQUEST, RequestBodyErrors.describe(e));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiResponse<Void>> missingParameter(MissingServletRequestParameterException e) {
        return respond(HttpStatus.BAD_REQUEST, "Query parameter '" + e.getParameterName() + "' is required");
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ApiResponse<Void>> missingHeader(MissingRequestHeaderException e) {
        return respond(HttpStatus.BAD_REQUEST, "Header '" + e.getHeaderName() + "' is required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiResponse<Void>> parameterType(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "a valid value" : RequestBodyErrors.friendlyType(e.getRequiredType());
        return respond(HttpStatus.BAD_REQUEST, "Parameter '" + e.getName() + "' must be " + expected);
    }

    @ExceptionHandler(ServletRequestBindingException.class)
    ResponseEntity<ApiResponse<Void>> binding(ServletRequestBindingException e) {
        return respond(HttpStatus.BAD_REQUEST, "The request is missing something it needs: " + e.getBody().getDetail());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiResponse<Void>> mediaType(HttpMediaTypeNotSupportedException e) {
        String supported = e.getSupportedMediaTypes().isEmpty() ? "application/json"
                : e.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(" or "));
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be " + supported);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiResponse<Void>> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(HttpStatus.NOT_ACCEPTABLE, "This endpoint answers with application/json");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiResponse<Void>> method(HttpRequestMethodNotSupportedException e) {
        String allowed = e.getSupportedMethods() == null ? "" : " (allowed: " + String.join(", ", e.getSupportedMethods()) + ")";
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not allowed here" + allowed);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiResponse<Void>> noResource(NoResourceFoundException e) {
        return respond(HttpStatus.NOT_FOUND, "No such endpoint: /" + e.getResourcePath());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiResponse<Void>> tooLarge(MaxUploadSizeExceededException e) {
        return respond(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiResponse<Void>> unexpected(Exception e) {
        log.error("Unhandled error while serving a request", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. Please try again.");
    }

    static ResponseEntity<ApiResponse<Void>> respond(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(ApiResponse.failure(message));
    }

    private static String describe(FieldError error) {
        return error.getField() + ": " + error.getDefaultMessage();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** Kept separate so the JSON-specific wording lives in one place. */
    static final class RequestBodyErrors {

        private RequestBodyErrors() {
        }

        static String describe(HttpMessageNotReadableException e) {
            Throwable cause = e.getMostSpecificCause();
            if (cause instanceof tools.jackson.databind.exc.UnrecognizedPropertyException unknown) {
                return "Unknown field '" + unknown.getPropertyName() + "'";
            }
            if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
                String field = databind.getPath().stream()
                        .map(reference -> reference.getPropertyName() != null
                                ? reference.getPropertyName()
                                : "[" + reference.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[");
                Class<?> target = targetType(databind);
                return target == null
                        ? "Field '" + field + "' has a value of the wrong type"
                        : "Field '" + field + "' must be " + friendlyType(target);
            }
            if (cause instanceof JacksonException) {
                String message = cause.getMessage() == null ? "" : cause.getMessage();
                if (message.contains("No content to map") || message.contains("end-of-input") && message.contains("No content")) {
                    return "Request body is required";
                }
                return "Request body is not valid JSON";
            }
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.startsWith("Required request body is missing")) {
                return "Request body is required";
            }
            return "Request body could not be read";
        }

        private static Class<?> targetType(DatabindException e) {
            if (e instanceof tools.jackson.databind.exc.MismatchedInputException mismatched) {
                return mismatched.getTargetType();
            }
            return null;
        }

        static String friendlyType(Class<?> type) {
            if (type == String.class || type == Character.class || type == char.class) {
                return "a string";
            }
            if (type == Boolean.class || type == boolean.class) {
                return "true or false";
            }
            if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
                return "a number";
            }
            if (type == java.util.UUID.class) {
                return "a UUID";
            }
            if (type.isEnum()) {
                return "one of " + java.util.Arrays.stream(type.getEnumConstants())
                        .map(constant -> constant.toString().toLowerCase(java.util.Locale.ROOT))
                        .collect(Collectors.joining(", "));
            }
            if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
                return "a list";
            }
            return "an object";
        }
    }
}
