package io.portfoliochat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestAdminTokens;
import io.portfoliochat.testsupport.TestHttp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every invalid input of SPEC §4: a 4xx with the envelope and a clear message, and nothing written. */
@ServiceIntegrationTest
class InvalidInputTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ChatApi api;
    String visitor;
    long conversationId;
    String admin;

    @BeforeEach
    void setUp() {
        api = new ChatApi(port);
        visitor = api.newSession();
        conversationId = api.visitorStartsConversation(visitor, "hello");
        admin = TestAdminTokens.bearer(TestAdminTokens.valid());
        // The setup's own events leave the outbox asynchronously; counts are compared once they are out.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> count("outbox_event") == 0);
    }

    /** One bad request and what the caller must get back. */
    record Case(String name, String method, String path, String contentType, String body, String[] headers,
                int status, String message) {
    }

    private List<Case> cases() {
        String[] asVisitor = {"X-Session-Token", visitor};
        String[] asAdmin = {"Authorization", admin};
        String json = "application/json";
        String longText = "x".repeat(2001);
        String emoji2001 = "😀".repeat(2001);
        String deep = "{\"content\":" + "{\"a\":".repeat(200) + "1" + "}".repeat(200) + "}";
        List<Case> cases = new ArrayList<>(List.of(
                new Case("content missing", "POST", "/api/chat/send", json, "{}", asVisitor, 400, "content is required"),
                new Case("content null", "POST", "/api/chat/send", json, "{\"content\":null}", asVisitor, 400, "content is required"),
                new Case("content empty", "POST", "/api/chat/send", json, "{\"content\":\"\"}", asVisitor, 400, "content must not be empty"),
                new Case("content blank", "POST", "/api/chat/send", json, "{\"content\":\"  \\n\\t \"}", asVisitor, 400, "content must not be empty"),
                new Case("content only zero-width spaces", "POST", "/api/chat/send", json, "{\"content\":\"\\u200b\\u200b\"}", asVisitor, 400, "content must not be empty"),
                new Case("content only no-break spaces", "POST", "/api/chat/send", json, "{\"content\":\"\\u00a0\\u3000\"}", asVisitor, 400, "content must not be empty"),
                new Case("content only bidi overrides and a BOM", "POST", "/api/chat/send", json, "{\"content\":\"\\u202e\\ufeff\"}", asVisitor, 400, "content must not be empty"),
                new Case("content only a Hangul filler", "POST", "/api/chat/send", json, "{\"content\":\"\\u3164\"}", asVisitor, 400, "content must not be empty"),
                new Case("content 2001 chars", "POST", "/api/chat/send", json, "{\"content\":\"" + longText + "\"}", asVisitor, 400, "at most 2000 characters"),
                new Case("content 2001 emoji", "POST", "/api/chat/send", json, "{\"content\":\"" + emoji2001 + "\"}", asVisitor, 400, "at most 2000 characters"),
                new Case("content a number", "POST", "/api/chat/send", json, "{\"content\":42}", asVisitor, 400, "Field 'content' must be a string"),
                new Case("content a list", "POST", "/api/chat/send", json, "{\"content\":[\"a\"]}", asVisitor, 400, "Field 'content' must be a string"),
                new Case("content an object, deeply nested", "POST", "/api/chat/send", json, deep, asVisitor, 400, "content"),
                new Case("content with NUL", "POST", "/api/chat/send", json, "{\"content\":\"a\\u0000b\"}", asVisitor, 400, "invalid characters"),
                new Case("content with a lone surrogate", "POST", "/api/chat/send", json, "{\"content\":\"a\\ud800b\"}", asVisitor, 400, "invalid characters"),
                new Case("visitorName too long", "POST", "/api/chat/send", json, "{\"content\":\"hi\",\"visitorName\":\"" + "n".repeat(101) + "\"}", asVisitor, 400, "visitorName must be at most 100 characters"),
                new Case("visitorName on two lines", "POST", "/api/chat/send", json, "{\"content\":\"hi\",\"visitorName\":\"a\\nb\"}", asVisitor, 400, "single line"),
                new Case("visitorEmail invalid", "POST", "/api/chat/send", json, "{\"content\":\"hi\",\"visitorEmail\":\"not-an-email\"}", asVisitor, 400, "valid email"),
                new Case("visitorEmail with markup", "POST", "/api/chat/send", json, "{\"content\":\"hi\",\"visitorEmail\":\"<script>@x.io\"}", asVisitor, 400, "valid email"),
                new Case("visitorEmail with a quote in the domain", "POST", "/api/chat/send", json, "{\"content\":\"hi\",\"visitorEmail\":\"a@b.c'--\"}", asVisitor, 400, "valid email"),
                new Case("visitorEmail without domain dot", "POST", "/api/chat/send", json, "{\"content\":\"hi\",\"visitorEmail\":\"a@b\"}", asVisitor, 400, "valid email"),
                new Case("conversationId text", "POST", "/api/chat/send", json, "{\"content\":\"hi\",\"conversationId\":\"abc\"}", asVisitor, 400, "Field 'conversationId' must be a number"),
                new Case("conversationId of someone else", "POST", "/api/chat/send", json, "{\"content\":\"hi\",\"conversationId\":-5}", asVisitor, 403, "own conversation"),
                new Case("clientMessageId too long", "POST", "/api/chat/send", json, "{\"content\":\"hi\",\"clientMessageId\":\"" + "c".repeat(65) + "\"}", asVisitor, 400, "clientMessageId"),
                new Case("clientMessageId with spaces", "POST", "/api/chat/send", json, "{\"content\":\"hi\",\"clientMessageId\":\"a b\"}", asVisitor, 400, "clientMessageId"),
                new Case("unknown field", "POST", "/api/chat/send", json, "{\"content\":\"hi\",\"priority\":\"high\"}", asVisitor, 400, "Unknown field 'priority'"),
                new Case("malformed JSON", "POST", "/api/chat/send", json, "{\"content\":", asVisitor, 400, "not valid JSON"),
                new Case("JSON array body", "POST", "/api/chat/send", json, "[1,2]", asVisitor, 400, "Request body"),
                new Case("no body", "POST", "/api/chat/send", json, null, asVisitor, 400, "Request body is required"),
                new Case("text/plain body", "POST", "/api/chat/send", "text/plain", "hello", asVisitor, 415, "Content-Type must be application/json"),
                new Case("no credentials", "POST", "/api/chat/send", json, "{\"content\":\"hi\"}", new String[0], 401, "session token"),
                new Case("session token not a UUID", "POST", "/api/chat/send", json, "{\"content\":\"hi\"}", new String[] {"X-Session-Token", "abc"}, 401, "not valid"),
                new Case("unknown session token", "POST", "/api/chat/send", json, "{\"content\":\"hi\"}", new String[] {"X-Session-Token", UUID.randomUUID().toString()}, 401, "expired or is unknown"),
                new Case("forged admin token", "POST", "/api/chat/send", json, "{\"content\":\"hi\",\"conversationId\":1}", new String[] {"Authorization", TestAdminTokens.bearer(TestAdminTokens.signedWithAnotherKey())}, 401, "not valid"),
                new Case("expired admin token", "POST", "/api/chat/send", json, "{\"content\":\"hi\",\"conversationId\":1}", new String[] {"Authorization", TestAdminTokens.bearer(TestAdminTokens.expired())}, 401, "expired"),
                new Case("alg=none admin token", "POST", "/api/chat/send", json, "{\"content\":\"hi\",\"conversationId\":1}", new String[] {"Authorization", TestAdminTokens.bearer(TestAdminTokens.unsigned())}, 401, "not valid"),
                new Case("admin without conversationId", "POST", "/api/chat/send", json, "{\"content\":\"hi\"}", asAdmin, 400, "conversationId is required"),
                new Case("admin sending visitor fields", "POST", "/api/chat/send", json, "{\"content\":\"hi\",\"conversationId\":1,\"visitorName\":\"x\"}", asAdmin, 400, "only be sent by visitors"),
                new Case("messages without conversationId", "GET", "/api/chat/messages", null, null, asVisitor, 400, "'conversationId' is required"),
                new Case("messages conversationId text", "GET", "/api/chat/messages?conversationId=abc", null, null, asVisitor, 400, "'conversationId' must be a number"),
                new Case("messages conversationId overflow", "GET", "/api/chat/messages?conversationId=99999999999999999999", null, null, asVisitor, 400, "must be a number"),
                new Case("messages limit 0", "GET", "/api/chat/messages?conversationId=" + conversationId + "&limit=0", null, null, asVisitor, 400, "limit must be between 1 and 100"),
                new Case("messages limit 101", "GET", "/api/chat/messages?conversationId=" + conversationId + "&limit=101", null, null, asVisitor, 400, "limit must be between 1 and 100"),
                new Case("messages limit negative", "GET", "/api/chat/messages?conversationId=" + conversationId + "&limit=-1", null, null, asVisitor, 400, "limit must be between 1 and 100"),
                new Case("messages limit huge", "GET", "/api/chat/messages?conversationId=" + conversationId + "&limit=99999999999", null, null, asVisitor, 400, "'limit' must be a number"),
                new Case("messages before and after", "GET", "/api/chat/messages?conversationId=" + conversationId + "&before=5&after=1", null, null, asVisitor, 400, "either before or after"),
                new Case("messages before 0", "GET", "/api/chat/messages?conversationId=" + conversationId + "&before=0", null, null, asVisitor, 400, "message ids"),
                new Case("messages unknown conversation as admin", "GET", "/api/chat/messages?conversationId=987654", null, null, asAdmin, 404, "does not exist"),
                new Case("read without conversationId", "POST", "/api/chat/messages/read", json, "{}", asVisitor, 400, "conversationId is required"),
                new Case("read conversationId text", "POST", "/api/chat/messages/read", json, "{\"conversationId\":\"x\"}", asVisitor, 400, "must be a number"),
                new Case("read messageIds not ids", "POST", "/api/chat/messages/read", json, "{\"conversationId\":" + conversationId + ",\"messageIds\":[0]}", asVisitor, 400, "message ids"),
                new Case("read messageIds not a list", "POST", "/api/chat/messages/read", json, "{\"conversationId\":" + conversationId + ",\"messageIds\":7}", asVisitor, 400, "must be a list"),
                new Case("read up-to id negative", "POST", "/api/chat/messages/read", json, "{\"conversationId\":" + conversationId + ",\"upToMessageId\":-3}", asVisitor, 400, "upToMessageId must be a message id"),
                new Case("read with both messageIds and upToMessageId", "POST", "/api/chat/messages/read", json, "{\"conversationId\":" + conversationId + ",\"messageIds\":[1],\"upToMessageId\":2}", asVisitor, 400, "Use either messageIds or upToMessageId"),
                new Case("conversations without token", "GET", "/api/chat/conversations", null, null, new String[0], 401, "Missing admin token"),
                new Case("conversations as visitor", "GET", "/api/chat/conversations", null, null, asVisitor, 401, "Missing admin token"),
                new Case("conversations unknown status", "GET", "/api/chat/conversations?status=open", null, null, asAdmin, 400, "status must be one of"),
                new Case("conversations page 0", "GET", "/api/chat/conversations?page=0", null, null, asAdmin, 400, "page must be between"),
                new Case("conversations limit 500", "GET", "/api/chat/conversations?limit=500", null, null, asAdmin, 400, "limit must be between"),
                new Case("conversations page text", "GET", "/api/chat/conversations?page=abc", null, null, asAdmin, 400, "'page' must be a number"),
                new Case("conversation id text", "GET", "/api/chat/conversations/abc", null, null, asAdmin, 400, "'id' must be a number"),
                new Case("conversation unknown", "GET", "/api/chat/conversations/424242", null, null, asAdmin, 404, "does not exist"),
                new Case("session token not a UUID", "POST", "/api/chat/session", json, "{\"sessionToken\":\"123\"}", new String[0], 400, "sessionToken must be a UUID"),
                new Case("session token a number", "POST", "/api/chat/session", json, "{\"sessionToken\":123}", new String[0], 400, "Field 'sessionToken' must be a string"),
                new Case("session unknown field", "POST", "/api/chat/session", json, "{\"sessionToken\":null,\"admin\":true}", new String[0], 400, "Unknown field 'admin'"),
                new Case("session as YAML", "POST", "/api/chat/session", "application/yaml", "sessionToken: abc", new String[0], 415, "Content-Type must be application/json"),
                new Case("session malformed", "POST", "/api/chat/session", json, "{sessionToken", new String[0], 400, "not valid JSON"),
                new Case("send with GET", "GET", "/api/chat/send", null, null, asVisitor, 405, "not allowed"),
                new Case("unknown endpoint", "GET", "/api/chat/nope", null, null, asVisitor, 404, "No such endpoint")));
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> everyInvalidRequestGetsAClear4xxEnvelopeAndChangesNothing() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            List<Long> before = rowCounts();
            TestHttp.Response response = api.http().send(c.method(), c.path(), c.contentType(),
                    c.body() == null ? null : c.body().getBytes(StandardCharsets.UTF_8), c.headers());

            assertThat(response.status()).as(response.toString()).isEqualTo(c.status());
            assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("application/json"));
            assertThat(response.json().get("success").asBoolean()).isFalse();
            assertThat(response.error()).as(response.toString()).contains(c.message());
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
            assertThat(rowCounts()).as("database unchanged").isEqualTo(before);
        }));
    }

    @Test
    void theBoundariesThemselvesAreAccepted() {
        TestHttp.Response longest = api.visitorSends(visitor, "😀".repeat(2000));
        TestHttp.Response name = api.visitorSends(visitor, java.util.Map.of("content", "x", "visitorName", "n".repeat(100),
                "visitorEmail", "a.b+tag@sub.example.co.id"));

        TestHttp.Response internationalEmail = api.visitorSends(visitor, java.util.Map.of("content", "x",
                "visitorEmail", "björn.o'neil+chat@exämple.de"));
        TestHttp.Response invisibleInsideText = api.visitorSends(visitor, "hel\u200Blo \u202Eworld");

        assertThat(longest.status()).isEqualTo(201);
        assertThat(name.status()).isEqualTo(201);
        assertThat(internationalEmail.status()).isEqualTo(201);
        assertThat(invisibleInsideText.status()).isEqualTo(201);
        assertThat(invisibleInsideText.data().get("content").asString()).isEqualTo("hel\u200Blo \u202Eworld");
    }

    private List<Long> rowCounts() {
        return List.of(count("message"), count("conversation"), count("visitor_session"), count("outbox_event"),
                jdbc.sql("SELECT COUNT(*) FROM message WHERE read_at IS NOT NULL").query(Long.class).single());
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
