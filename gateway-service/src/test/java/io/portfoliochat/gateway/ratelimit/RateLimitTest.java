package io.portfoliochat.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.gateway.DownstreamServices;
import io.portfoliochat.gateway.GatewayWithStubbedServices;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestAdminTokens;
import io.portfoliochat.testsupport.TestHttp;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@ServiceIntegrationTest(properties = {
        "portfoliochat.gateway.rate-limit.store=memory",
        "portfoliochat.gateway.rate-limit.messages-per-admin[0].limit=15",
        "portfoliochat.gateway.rate-limit.messages-per-admin[0].window=1m",
        "portfoliochat.gateway.rate-limit.sessions-per-client-ip[0].limit=3",
        "portfoliochat.gateway.rate-limit.sessions-per-client-ip[0].window=1m",
        "portfoliochat.gateway.rate-limit.logins-per-client-ip[0].limit=4",
        "portfoliochat.gateway.rate-limit.logins-per-client-ip[0].window=1h"})
class RateLimitTest extends GatewayWithStubbedServices {


    @Test
    void theEleventhMessageOfAVisitorWithinAMinuteIs429WithRetryAfterAndTheEnvelope() {
        TestHttp visitor = gateway().withHeader("X-Session-Token", UUID.randomUUID().toString());
        for (int i = 1; i <= 10; i++) {
            assertThat(visitor.postJson("/api/chat/send", "{\"content\":\"message " + i + "\"}").status()).as("message " + i)
                    .isEqualTo(200);
        }

        TestHttp.Response eleventh = visitor.postJson("/api/chat/send", "{\"content\":\"message 11\"}");

        assertThat(eleventh.status()).isEqualTo(429);
        long retryAfter = Long.parseLong(eleventh.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(eleventh.json().get("success").asBoolean()).isFalse();
        assertThat(eleventh.error()).isEqualTo("Too many messages: at most 10 per minute. Please try again in "
                + retryAfter + (retryAfter == 1 ? " second." : " seconds."));
        assertThat(services.received(DownstreamServices.CHAT)).as("the refused message never reaches chat-service")
                .hasSize(10);
    }

    @Test
    void eachSessionHasItsOwnQuotaAndTheSpellingOfItsTokenDoesNotMatter() {
        String token = UUID.randomUUID().toString();
        TestHttp visitor = gateway().withHeader("X-Session-Token", token);
        for (int i = 0; i < 10; i++) {
            visitor.postJson("/api/chat/send", "{\"content\":\"hi\"}");
        }

        assertThat(gateway().postJson("/api/chat/send", "{\"content\":\"hi\"}",
                "X-Session-Token", token.toUpperCase(Locale.ROOT)).status()).isEqualTo(429);
        assertThat(gateway().postJson("/api/chat/send", "{\"content\":\"hi\"}",
                "X-Session-Token", UUID.randomUUID().toString()).status()).isEqualTo(200);
    }

    @Test
    void theAdminHasASeparateHigherQuota() {
        TestHttp admin = gateway().withHeader("Authorization", TestAdminTokens.bearer(TestAdminTokens.valid()));
        for (int i = 1; i <= 15; i++) {
            assertThat(admin.postJson("/api/chat/send", "{\"conversationId\":1,\"content\":\"reply\"}").status())
                    .as("admin message " + i).isEqualTo(200);
        }

        TestHttp.Response sixteenth = admin.postJson("/api/chat/send", "{\"conversationId\":1,\"content\":\"reply\"}");

        assertThat(sixteenth.status()).isEqualTo(429);
        assertThat(sixteenth.error()).startsWith("Too many messages: at most 15 per minute.");
        assertThat(gateway().postJson("/api/chat/send", "{\"content\":\"hi\"}",
                "X-Session-Token", UUID.randomUUID().toString()).status()).as("visitors are not affected").isEqualTo(200);
    }

    @Test
    void newSessionsPerClientAddressAreBounded() {
        for (int i = 0; i < 3; i++) {
            assertThat(gateway().postJson("/api/chat/session", "{}").status()).isEqualTo(200);
        }

        TestHttp.Response fourth = gateway().postJson("/api/chat/session", "{}");

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.header("Retry-After")).isPresent();
        assertThat(fourth.error()).startsWith("Too many chat sessions started from your network: at most 3 per minute.");
        assertThat(services.received(DownstreamServices.CHAT)).hasSize(3);
    }

    @Test
    void loginAttemptsPerClientAddressAreBounded() {
        for (int i = 0; i < 4; i++) {
            assertThat(gateway().postJson("/api/admin/login", "{\"email\":\"x@y.z\",\"password\":\"guess-" + i + "\"}").status())
                    .isEqualTo(200);
        }

        TestHttp.Response fifth = gateway().postJson("/api/admin/login", "{\"email\":\"x@y.z\",\"password\":\"guess\"}");

        assertThat(fifth.status()).isEqualTo(429);
        assertThat(Long.parseLong(fifth.header("Retry-After").orElseThrow())).isBetween(3500L, 3600L);
        assertThat(fifth.error()).startsWith("Too many login attempts: at most 4 per hour.");
        assertThat(services.received(DownstreamServices.ADMIN)).hasSize(4);
    }

    @Test
    void routesWithoutARateLimitAreNotCounted() {
        TestHttp visitor = gateway().withHeader("X-Session-Token", UUID.randomUUID().toString());
        for (int i = 0; i < 25; i++) {
            assertThat(visitor.get("/api/chat/messages?conversationId=1").status()).isEqualTo(200);
        }
    }
}
