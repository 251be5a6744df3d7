package io.portfoliochat.chat.session;

import jakarta.servlet.http.HttpServletRequest;

/** The visitor's address: the gateway puts the real client first in X-Forwarded-For. */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].trim();
        }
        return request.getRemoteAddr();
    }
}
