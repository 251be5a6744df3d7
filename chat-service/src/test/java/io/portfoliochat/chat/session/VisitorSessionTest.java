package io.portfoliochat.chat.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.chat.ChatApi;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ServiceIntegrationTest
class VisitorSessionTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ChatApi api;

    @BeforeEach
    void setUp() {
        api = new ChatApi(port);
    }

    @Test
    void aNewVisitorGetsARandomUuidV4TokenThatExpiresInSevenDaysAndTheWelcomeMessage() {
        TestHttp.Response response = api.http().postJson("/api/chat/session", "{}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("success").asBoolean()).isTrue();
        UUID token = UUID.fromString(response.data().get("sessionToken").asString());
        assertThat(token.version()).isEqualTo(4);
        assertThat(response.data().get("conversationId").isNull()).isTrue();
        Instant expiresAt = Instant.parse(response.data().get("expiresAt").asString());
        assertThat(Duration.between(Instant.now(), expiresAt)).isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7));
        assertThat(response.data().get("welcomeMessage").asString()).isNotBlank();
    }

    @Test
    void aSessionWithoutABodyIsCreatedToo() {
        TestHttp.Response response = api.http().send("POST", "/api/chat/session", null, null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().get("sessionToken").asString()).isNotBlank();
    }

    @Test
    void aValidTokenResumesTheSameSessionAndConversation() {
        String token = api.newSession();
        long conversationId = api.visitorStartsConversation(token, "Halo!");

        TestHttp.Response resumed = api.http().postJson("/api/chat/session", "{\"sessionToken\":\"" + token + "\"}");

        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.data().get("sessionToken").asString()).isEqualTo(token);
        assertThat(resumed.data().get("conversationId").asLong()).isEqualTo(conversationId);
    }

    @Test
    void anUnknownTokenGetsAFreshSessionNotAnError() {
        String unknown = UUID.randomUUID().toString();

        TestHttp.Response response = api.http().postJson("/api/chat/session", "{\"sessionToken\":\"" + unknown + "\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().get("sessionToken").asString()).isNotEqualTo(unknown);
        assertThat(response.data().get("conversationId").isNull()).isTrue();
    }

    @Test
    void anExpiredTokenGetsAFreshSessionAndNoLongerAuthenticates() {
        String token = api.newSession();
        api.visitorStartsConversation(token, "Hello");
        jdbc.sql("UPDATE visitor_session SET expires_at = :past WHERE token_hash = :hash")
                .param("past", java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1))
                .param("hash", SessionTokens.hash(token)).update();

        TestHttp.Response resumed = api.http().postJson("/api/chat/session", "{\"sessionToken\":\"" + token + "\"}");
        TestHttp.Response send = api.visitorSends(token, "still there?");

        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.data().get("sessionToken").asString()).isNotEqualTo(token);
        assertThat(resumed.data().get("conversationId").isNull()).isTrue();
        assertThat(send.status()).isEqualTo(401);
        assertThat(send.error()).contains("expired");
    }

    @Test
    void aTokenThatIsNotAUuidIsABadRequest() {
        TestHttp.Response response = api.http().postJson("/api/chat/session", "{\"sessionToken\":\"not-a-uuid\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.error()).isEqualTo("sessionToken must be a UUID");
    }

    @Test
    void theDatabaseNeverHoldsTheTokenItself() {
        String token = api.newSession();

        long plain = jdbc.sql("SELECT COUNT(*) FROM visitor_session WHERE token_hash = :token").param("token", token)
                .query(Long.class).single();
        long hashed = jdbc.sql("SELECT COUNT(*) FROM visitor_session WHERE token_hash = :hash")
                .param("hash", SessionTokens.hash(token)).query(Long.class).single();

        assertThat(plain).isZero();
        assertThat(hashed).isOne();
    }

    @Test
    void theInternalEndpointIdentifiesAValidSessionAndRefusesOthers() {
        String token = api.newSession();
        long conversationId = api.visitorStartsConversation(token, "Hi");

        TestHttp.Response known = api.http().get("/internal/visitor-session", "X-Session-Token", token);
        TestHttp.Response unknown = api.http().get("/internal/visitor-session", "X-Session-Token", UUID.randomUUID().toString());
        TestHttp.Response missing = api.http().get("/internal/visitor-session");

        assertThat(known.status()).isEqualTo(200);
        assertThat(known.data().get("conversationId").asLong()).isEqualTo(conversationId);
        assertThat(known.data().get("visitorId").asString()).isNotEqualTo(token);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
    }
}
