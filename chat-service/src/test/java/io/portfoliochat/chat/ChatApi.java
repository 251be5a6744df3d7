package io.portfoliochat.chat;

import io.portfoliochat.testsupport.TestAdminTokens;
import io.portfoliochat.testsupport.TestHttp;
import java.util.LinkedHashMap;
import java.util.Map;

/** The chat API as a visitor or the admin uses it, for tests. */
public final class ChatApi {

    private final TestHttp http;

    public ChatApi(int port) {
        this.http = TestHttp.localhost(port);
    }

    public TestHttp http() {
        return http;
    }

    /** A fresh visitor session; returns its token. */
    public String newSession() {
        TestHttp.Response response = http.postJson("/api/chat/session", "{}");
        if (response.status() != 200) {
            throw new AssertionError("session: " + response);
        }
        return response.data().get("sessionToken").asString();
    }

    public TestHttp.Response visitorSends(String token, String content) {
        return visitorSends(token, Map.of("content", content));
    }

    public TestHttp.Response visitorSends(String token, Map<String, Object> body) {
        return http.postJson("/api/chat/send", body, "X-Session-Token", token);
    }

    /** Sends and returns the new conversation's id. */
    public long visitorStartsConversation(String token, String content) {
        TestHttp.Response response = visitorSends(token, content);
        if (response.status() != 201) {
            throw new AssertionError("send: " + response);
        }
        return response.data().get("conversationId").asLong();
    }

    public TestHttp.Response adminSends(long conversationId, String content) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("conversationId", conversationId);
        body.put("content", content);
        return http.postJson("/api/chat/send", body, "Authorization", TestAdminTokens.bearer(TestAdminTokens.valid()));
    }

    public TestHttp.Response visitorReads(String token, String query) {
        return http.get("/api/chat/messages?" + query, "X-Session-Token", token);
    }

    public TestHttp.Response adminReads(String query) {
        return http.get("/api/chat/messages?" + query, "Authorization", TestAdminTokens.bearer(TestAdminTokens.valid()));
    }

    public TestHttp.Response admin(String method, String path, Object body) {
        String[] auth = {"Authorization", TestAdminTokens.bearer(TestAdminTokens.valid())};
        return switch (method) {
            case "GET" -> http.get(path, auth);
            case "POST" -> http.postJson(path, body, auth);
            default -> throw new IllegalArgumentException(method);
        };
    }
}
