package io.portfoliochat.realtime.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * chat-service's one internal endpoint the realtime service calls, {@code GET /internal/visitor-session},
 * stubbed at the HTTP level (chat-service is a separate service). Unknown tokens get chat-service's 404.
 */
public final class ChatServiceStub implements AutoCloseable {

    private static final String PATH = "/internal/visitor-session";
    private final WireMockServer server;

    private ChatServiceStub() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        server.stubFor(get(urlEqualTo(PATH)).atPriority(10).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":false,\"error\":\"Unknown or expired session\"}")));
    }

    private static ChatServiceStub shared;

    /** One stub for the whole test JVM, stopped when it exits. */
    public static synchronized ChatServiceStub shared() {
        if (shared == null) {
            shared = new ChatServiceStub();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "stop-chat-service-stub"));
        }
        return shared;
    }

    public String url() {
        return server.baseUrl();
    }

    /** A valid session whose conversation is {@code conversationId}; returns its token. */
    public String visitorOf(long conversationId) {
        return session(Long.toString(conversationId));
    }

    /** A valid session that has not sent a message yet. */
    public String visitorWithoutConversation() {
        return session("null");
    }

    /** A session token whose lookups fail with a server error. */
    public String brokenLookup() {
        String token = UUID.randomUUID().toString();
        server.stubFor(get(urlEqualTo(PATH)).withHeader("X-Session-Token", equalTo(token)).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        return token;
    }

    /** Makes an existing token's session point at another conversation (a visitor's first message). */
    public void moveTo(String token, long conversationId) {
        stub(token, Long.toString(conversationId));
    }

    public int lookupsOf(String token) {
        return server.countRequestsMatching(getRequestedFor(urlEqualTo(PATH)).withHeader("X-Session-Token", equalTo(token))
                .build()).getCount();
    }

    private String session(String conversationId) {
        String token = UUID.randomUUID().toString();
        stub(token, conversationId);
        return token;
    }

    private void stub(String token, String conversationId) {
        String expiresAt = Instant.now().plus(7, ChronoUnit.DAYS).toString();
        server.stubFor(get(urlEqualTo(PATH)).withHeader("X-Session-Token", equalTo(token)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":{\"visitorId\":\"v-" + token.substring(0, 8)
                                + "\",\"conversationId\":" + conversationId + ",\"expiresAt\":\"" + expiresAt + "\"}}")));
    }

    @Override
    public void close() {
        server.stop();
    }
}
