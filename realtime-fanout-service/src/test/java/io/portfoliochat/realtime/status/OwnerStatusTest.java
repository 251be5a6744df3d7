package io.portfoliochat.realtime.status;

import static io.portfoliochat.realtime.testing.RealtimeTestSupport.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.portfoliochat.events.BusinessHours;
import io.portfoliochat.events.ChatSettings;
import io.portfoliochat.events.ChatSettingsChanged;
import io.portfoliochat.realtime.mode.AppCredentials;
import io.portfoliochat.realtime.testing.StubbedChatService;
import io.portfoliochat.support.kafka.TopicNames;
import io.portfoliochat.testsupport.PusherTestClient;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestEventSender;
import io.portfoliochat.testsupport.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/chat/status}: the owner's presence and business hours, as a visitor's page shows them (FR-24). */
@ServiceIntegrationTest
class OwnerStatusTest extends StubbedChatService {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    AppCredentials credentials;

    @Autowired
    TopicNames topics;

    @Autowired
    Environment environment;

    @Test
    void theOwnerIsOnlineExactlyWhileAnAdminIsOnThePresenceChannel() {
        assertThat(status().get("ownerOnline").asBoolean()).isFalse();

        PusherTestClient dashboard = PusherTestClient.connect(port, credentials.key(), admin());
        try {
            dashboard.subscribePresence("presence-admin-chat");
            dashboard.awaitSubscribed("presence-admin-chat");
            assertThat(status().get("ownerOnline").asBoolean()).isTrue();
        } finally {
            dashboard.close();
        }
        await().atMost(WAIT).until(() -> !status().get("ownerOnline").asBoolean());
    }

    @Test
    void businessHoursAndTheAwayMessageFollowTheLatestSettings() {
        JsonNode before = status();
        assertThat(before.get("withinBusinessHours").asBoolean()).as("no business hours: always open").isTrue();
        assertThat(before.get("awayMessage").asString()).isEqualTo(ChatSettings.defaults().awayMessage());

        ChatSettings defaults = ChatSettings.defaults();
        ChatSettings neverOpen = new ChatSettings(defaults.aiEnabled(), defaults.aiModel(), defaults.aiTemperature(),
                defaults.aiSystemPrompt(), defaults.welcomeMessage(), defaults.offlineMessage(), "Back on Monday!",
                new BusinessHours(true, "Asia/Jakarta", List.of()), defaults.aiReplyCapPerConversation());
        try (TestEventSender kafka = new TestEventSender(environment.getRequiredProperty("spring.kafka.bootstrap-servers"))) {
            kafka.send(topics.settings(), new ChatSettingsChanged(neverOpen, "Rina Kusuma", List.of("businessHours"), Instant.now()));
            await().atMost(WAIT).until(() -> !status().get("withinBusinessHours").asBoolean());
            assertThat(status().get("awayMessage").asString()).isEqualTo("Back on Monday!");

            kafka.send(topics.settings(), new ChatSettingsChanged(defaults, "Rina Kusuma", List.of("businessHours"), Instant.now()));
            await().atMost(WAIT).until(() -> status().get("withinBusinessHours").asBoolean());
        }
    }

    private JsonNode status() {
        TestHttp.Response response = TestHttp.localhost(port).get("/api/chat/status");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.data();
    }
}
