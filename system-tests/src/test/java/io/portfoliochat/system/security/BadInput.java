package io.portfoliochat.system.security;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One request the system must refuse: who sends it, exactly what is sent, and the answer expected
 * (status and a fragment of the error message a person would understand).
 *
 * <p>Paths, bodies and raw requests may name placeholders filled in when the case runs:
 * {@code {conversation}} (the sending visitor's own conversation, or for the admin a quiet
 * conversation), {@code {otherConversation}} (another visitor's), {@code {visitorToken}},
 * {@code {adminAuthorization}} and {@code {host}}.
 *
 * @param raw a whole HTTP request written to the socket as is (for what no client library sends);
 *            null for an ordinary request
 */
record BadInput(String name, Caller caller, String method, String path, String contentType, byte[] body,
                List<String> headers, byte[] raw, int status, String message) {

    /** Whose credentials the request carries. */
    enum Caller {
        /** no credentials */
        ANONYMOUS,
        /** a visitor with a session but no conversation yet (a fresh one before its message quota runs out) */
        VISITOR,
        /** a visitor whose conversation exists (taken over by the owner, so nothing happens in the background) */
        VISITOR_WITH_CONVERSATION,
        /** the logged-in admin */
        ADMIN
    }

    static Builder named(String name) {
        return new Builder(name);
    }

    boolean isSend() {
        return raw == null && "/api/chat/send".equals(path);
    }

    @Override
    public String toString() {
        return name;
    }

    static final class Builder {

        private final String name;
        private Caller caller = Caller.ANONYMOUS;
        private String method = "GET";
        private String path;
        private String contentType;
        private byte[] body;
        private List<String> headers = List.of();
        private byte[] raw;

        private Builder(String name) {
            this.name = name;
        }

        Builder as(Caller who) {
            this.caller = who;
            return this;
        }

        Builder request(String method, String path) {
            this.method = method;
            this.path = path;
            return this;
        }

        Builder json(String json) {
            return body("application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        Builder body(String type, byte[] bytes) {
            this.contentType = type;
            this.body = bytes;
            return this;
        }

        Builder headers(String... namesAndValues) {
            this.headers = List.of(namesAndValues);
            return this;
        }

        /** A whole request written to the socket as is; {@code \n} become CRLF. */
        Builder raw(String request) {
            return raw(request.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        }

        Builder raw(byte[] request) {
            this.raw = request;
            return this;
        }

        BadInput expect(int status, String message) {
            return new BadInput(name, caller, method, path, contentType, body, headers, raw, status, message);
        }
    }
}
