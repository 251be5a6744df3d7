package io.portfoliochat.realtime.pusher;

import static io.portfoliochat.realtime.testing.RealtimeTestSupport.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.portfoliochat.events.ConversationStatus;
import io.portfoliochat.events.ConversationUpdated;
import io.portfoliochat.events.MessageCreated;
import io.portfoliochat.events.SenderType;
import io.portfoliochat.realtime.mode.AppCredentials;
import io.portfoliochat.realtime.mode.RealtimeMode;
import io.portfoliochat.realtime.testing.AnotherInstance;
import io.portfoliochat.testsupport.PusherTestClient;
import io.portfoliochat.support.kafka.TopicNames;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestEventSender;
import io.portfoliochat.testsupport.TestHttp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pusher mode end to end, with the Pusher side played by a self-hosted instance of this very service
 * (PUSHER_HOST/PUSHER_PORT pointing at it): events from Kafka are published with pusher-http-java and
 * reach a client connected to that Pusher-compatible server.
 */
@ServiceIntegrationTest
class PusherModeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The "Pusher Channels" of this test: a self-hosted instance on its own, empty topics. */
    private static final AnotherInstance pusherCompatibleServer = AnotherInstance.start("tpusher" + System.nanoTime() + "-", Map.of());

    @DynamicPropertySource
    static void pusherCredentials(DynamicPropertyRegistry registry) {
        AppCredentials server = pusherCompatibleServer.bean(AppCredentials.class);
        registry.add("portfoliochat.realtime.pusher.app-id", server::appId);
        registry.add("portfoliochat.realtime.pusher.key", server::key);
        registry.add("portfoliochat.realtime.pusher.secret", server::secret);
        registry.add("portfoliochat.realtime.pusher.cluster", () -> "eu");
        registry.add("portfoliochat.realtime.pusher.host", () -> "localhost");
        registry.add("portfoliochat.realtime.pusher.port", pusherCompatibleServer::port);
        registry.add("portfoliochat.realtime.pusher.use-tls", () -> "false");
    }

    @AfterAll
    static void stopServer() {
        pusherCompatibleServer.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    RealtimeMode mode;

    @Autowired
    AppCredentials credentials;

    @Autowired
    TopicNames topics;

    @Autowired
    Environment environment;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    MeterRegistry meters;

    private void awaitListenerAssigned() {
        await().until(() -> {
            var container = listeners.getListenerContainer("realtime-fanout-pusher");
            return container != null && container.getAssignedPartitions() != null && container.getAssignedPartitions().size() == 7;
        });
    }

    @Test
    void eventsFromKafkaArePublishedThroughPusherHttpJavaToThePusherCompatibleServer() {
        assertThat(mode).isEqualTo(RealtimeMode.PUSHER);
        awaitListenerAssigned();
        Instant at = Instant.parse("2026-01-28T09:15:30.123Z");
        // Channel authorization stays with this service: it signs with the Pusher app's secret.
        try (PusherTestClient adminClient = PusherTestClient.connect(new com.pusher.client.Pusher(credentials.key(),
                new com.pusher.client.PusherOptions().setHost("localhost").setWsPort(pusherCompatibleServer.port()).setUseTLS(false)
                        .setMaxReconnectionAttempts(0).setChannelAuthorizer(authorizedHere())));
             TestEventSender kafka = new TestEventSender(environment.getRequiredProperty("spring.kafka.bootstrap-servers"))) {
            adminClient.subscribePrivate("private-conversation-500", "new-message", "conversation-updated");
            adminClient.subscribePrivate("private-admin-notifications", "new-message-alert");
            adminClient.awaitSubscribed("private-conversation-500");
            adminClient.awaitSubscribed("private-admin-notifications");

            for (int seq = 1; seq <= 5; seq++) {
                kafka.send(topics.conversationEvents(), new MessageCreated(500, 9000 + seq, seq, SenderType.VISITOR, "v-1", "Sari",
                        "pesan " + seq, "c-" + seq, List.of(), null, null, at));
            }
            kafka.send(topics.conversationEvents(), new ConversationUpdated(500, ConversationStatus.RESOLVED, true, "Rina", at));

            assertThat(adminClient.awaitEvents("private-conversation-500", "new-message", 5))
                    .extracting(event -> JSON.readTree(event.getData()).get("seq").asInt()).containsExactly(1, 2, 3, 4, 5);
            assertThat(adminClient.awaitEvents("private-admin-notifications", "new-message-alert", 5)).hasSize(5);
            assertThat(JSON.readTree(adminClient.awaitEvent("private-conversation-500", "conversation-updated").getData())
                    .get("status").asString()).isEqualTo("resolved");
        }
        await().until(() -> meters.counter("realtime.published", "mode", "pusher").count() >= 12);
        MeterRegistry serverMeters = pusherCompatibleServer.bean(MeterRegistry.class);
        assertThat(Search.in(serverMeters).name("http.server.requests").tag("uri", "/apps/{appId}/batch_events").timer())
                .as("a message's new-message and new-message-alert go in one batch_events call").isNotNull();
    }

    private com.pusher.client.ChannelAuthorizer authorizedHere() {
        com.pusher.client.util.HttpChannelAuthorizer authorizer =
                new com.pusher.client.util.HttpChannelAuthorizer("http://localhost:" + port + "/api/pusher/auth");
        authorizer.setHeaders(admin());
        return authorizer;
    }

    @Test
    void frontEndsAreToldToConnectToThePusherApp() {
        TestHttp.Response response = TestHttp.localhost(port).get("/api/chat/config");
        assertThat(response.data()).isEqualTo(JSON.readTree("""
                {"pusherKey":"%s","pusherCluster":"eu","wsHost":"localhost","wsPort":%d,"wssPort":%d,"forceTLS":false,
                 "enabledTransports":["ws","wss"],"authEndpoint":"/api/pusher/auth","mode":"pusher"}"""
                .formatted(credentials.key(), pusherCompatibleServer.port(), pusherCompatibleServer.port())));
    }

    @Test
    void thePusherModeInstanceServesNoSocketsOfItsOwn() {
        assertThat(TestHttp.localhost(port).get("/app/" + credentials.key() + "?protocol=7").status()).isEqualTo(404);
        assertThat(TestHttp.localhost(port).postJson("/apps/" + credentials.appId() + "/events", "{}").status()).isEqualTo(404);
    }
}
