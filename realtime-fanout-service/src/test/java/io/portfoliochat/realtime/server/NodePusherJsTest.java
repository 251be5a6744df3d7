package io.portfoliochat.realtime.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.realtime.mode.AppCredentials;
import io.portfoliochat.realtime.testing.StubbedChatService;
import io.portfoliochat.realtime.testing.NodeScripts;
import io.portfoliochat.support.security.AdminPrincipal;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestAdminTokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official Node libraries, unchanged, against the self-hosted server: pusher-js subscribes (public,
 * private through the auth endpoint, presence), sends a client event, is refused a foreign conversation;
 * the {@code pusher} server library publishes single and batched events and queries channels.
 */
@ServiceIntegrationTest
class NodePusherJsTest extends StubbedChatService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    AppCredentials credentials;

    @Test
    void pusherJsAndTheNodePusherLibraryWorkAgainstTheSelfHostedServer() {
        NodeScripts.Run run = NodeScripts.node("pusher-clients.js", Map.of(
                "REALTIME_PORT", Integer.toString(port),
                "REALTIME_KEY", credentials.key(),
                "REALTIME_APP_ID", credentials.appId(),
                "REALTIME_SECRET", credentials.secret(),
                "ADMIN_TOKEN", TestAdminTokens.valid(new AdminPrincipal(1, "Rina Kusuma", "rina@example.com")),
                "OTHER_ADMIN_TOKEN", TestAdminTokens.valid(new AdminPrincipal(2, "Budi Santoso", "budi@example.com")),
                "VISITOR_TOKEN", chatService.visitorOf(42),
                "VISITOR_CONVERSATION", "42"), 120);

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        JsonNode result = JSON.readTree(run.stdout());
        assertThat(result.has("error")).as(run.stdout()).isFalse();
        assertThat(result.get("socketIds")).hasSize(3).allSatisfy(id -> assertThat(id.asString()).matches("\\d+\\.\\d+"));
        assertThat(result.get("visitorRefused")).isEqualTo(JSON.readTree("{\"otherConversation\":403,\"adminNotifications\":403}"));
        assertThat(result.get("presenceOnJoin")).isEqualTo(JSON.readTree(
                "{\"count\":1,\"me\":{\"id\":\"1\",\"info\":{\"name\":\"Rina Kusuma\"}}}"));
        assertThat(result.get("memberAdded")).isEqualTo(JSON.readTree("{\"id\":\"2\",\"info\":{\"name\":\"Budi Santoso\"}}"));
        assertThat(result.get("presenceOfSecondAdmin")).isEqualTo(JSON.readTree("{\"count\":2,\"ids\":[\"1\",\"2\"]}"));
        assertThat(result.get("clientEvent")).isEqualTo(JSON.readTree("{\"senderType\":\"visitor\",\"isTyping\":true}"));
        assertThat(result.get("clientEventEchoedToSender").asBoolean()).isFalse();
        JsonNode message = JSON.readTree("{\"id\":1,\"seq\":1,\"content\":\"Halo dari Node\"}");
        assertThat(result.get("newMessage").get("visitor")).isEqualTo(message);
        assertThat(result.get("newMessage").get("admin")).isEqualTo(message);
        assertThat(result.get("batch")).isEqualTo(JSON.readTree("[1,2,3]"));
        assertThat(result.get("exclusion").asInt()).as("the excluded socket only got the second event").isEqualTo(2);
        assertThat(result.get("channelsQuery").get("channels").get("presence-admin-chat").get("user_count").asInt()).isEqualTo(2);
        assertThat(result.get("memberRemoved").asString()).isEqualTo("2");
    }
}
