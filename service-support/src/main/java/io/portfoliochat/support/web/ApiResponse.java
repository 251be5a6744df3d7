package io.portfoliochat.support.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one response envelope of the HTTP API: {@code {"success":true,"data":...}} or
 * {@code {"success":false,"error":"a message a person understands"}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(boolean success, T data, String error) {

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(true, data, null);
    }

    public static ApiResponse<Void> failure(String error) {
        return new ApiResponse<>(false, null, error);
    }
}
