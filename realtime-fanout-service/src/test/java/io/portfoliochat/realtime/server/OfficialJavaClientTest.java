package io.portfoliochat.realtime.server;

import static io.portfoliochat.realtime.testing.RealtimeTestSupport.admin;
import static io.portfoliochat.realtime.testing.RealtimeTestSupport.visitor;
import static org.assertj.core.api.Assertions.assertThat;

import com.pusher.client.channel.PresenceChannel;
import com.pusher.client.channel.PrivateChannel;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.channel.User;
import com.pusher.client.connection.ConnectionState;
import com.pusher.rest.Pusher;
import com.pusher.rest.data.Event;
import com.pusher.rest.data.Result;
import io.portfoliochat.realtime.mode.AppCredentials;
import io.portfoliochat.realtime.testing.StubbedChatService;
import io.portfoliochat.testsupport.PusherTestClient;
import io.portfoliochat.realtime.testing.RealtimeTestSupport;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official pusher-java-client against the self-hosted server, with events published through the
 * official pusher-http-java: what works against Pusher Channels works here unchanged.
 */
@ServiceIntegrationTest
class OfficialJavaClientTest extends StubbedChatService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    AppCredentials credentials;

    private Pusher api;
    private final List<PusherTestClient> clients = new ArrayList<>();

    @BeforeEach
    void publisher() {
        api = RealtimeTestSupport.httpApi(port, credentials);
    }

    @AfterEach
    void disconnect() throws Exception {
        clients.forEach(PusherTestClient::close);
        api.close();
    }

    private PusherTestClient client(Map<String, String> authHeaders) {
        PusherTestClient client = PusherTestClient.connect(port, credentials.key(), authHeaders);
        clients.add(client);
        return client;
    }

    @Test
    void publicChannelReceivesEventsPublishedThroughPusherHttpJava() {
        PusherTestClient client = client(Map.of());
        client.subscribe("portfolio-news", "headline");
        client.awaitSubscribed("portfolio-news");

        Result result = api.trigger("portfolio-news", "headline", Map.of("text", "Halo dari server"));

        assertThat(result.getStatus()).isEqualTo(Result.Status.SUCCESS);
        assertThat(result.getMessage()).isEqualTo("{}");
        PusherEvent event = client.awaitEvent("portfolio-news", "headline");
        assertThat(JSON.readTree(event.getData()).get("text").asString()).isEqualTo("Halo dari server");
    }

    @Test
    void adminSubscribesToAConversationChannelAuthorizedByTheAuthEndpoint() {
        PusherTestClient adminClient = client(admin());
        adminClient.subscribePrivate("private-conversation-42", "new-message");
        adminClient.awaitSubscribed("private-conversation-42");

        api.trigger("private-conversation-42", "new-message", Map.of("id", 7, "content", "Hello"));

        PusherEvent event = adminClient.awaitEvent("private-conversation-42", "new-message");
        assertThat(JSON.readTree(event.getData()).get("content").asString()).isEqualTo("Hello");
    }

    @Test
    void visitorMaySubscribeToItsOwnConversationOnly() {
        PusherTestClient visitorClient = client(visitor(chatService.visitorOf(42)));

        visitorClient.subscribePrivate("private-conversation-42", "new-message");
        visitorClient.subscribePrivate("private-conversation-43", "new-message");
        visitorClient.subscribePrivate("private-admin-notifications", "new-message-alert");

        visitorClient.awaitSubscribed("private-conversation-42");
        assertThat(visitorClient.awaitAuthFailure("private-conversation-43")).contains("403");
        assertThat(visitorClient.awaitAuthFailure("private-admin-notifications")).contains("403");
        assertThat(visitorClient.isSubscribed("private-conversation-43")).isFalse();
    }

    @Test
    void presenceChannelListsMembersAndAnnouncesEachUserOnceWhateverTheNumberOfTabs() {
        PusherTestClient firstTab = client(admin(1, "Rina Kusuma"));
        PresenceChannel firstView = firstTab.subscribePresence("presence-admin-chat");
        firstTab.awaitSubscribed("presence-admin-chat");
        assertThat(firstView.getUsers()).extracting(User::getId).containsExactly("1");

        PusherTestClient secondTab = client(admin(1, "Rina Kusuma"));
        PresenceChannel secondView = secondTab.subscribePresence("presence-admin-chat");
        secondTab.awaitSubscribed("presence-admin-chat");
        assertThat(secondView.getUsers()).extracting(User::getId).containsExactly("1");

        PusherTestClient otherAdmin = client(admin(2, "Budi Santoso"));
        PresenceChannel otherView = otherAdmin.subscribePresence("presence-admin-chat");
        otherAdmin.awaitSubscribed("presence-admin-chat");
        assertThat(otherView.getUsers()).extracting(User::getId).containsExactlyInAnyOrder("1", "2");
        assertThat(otherView.getUsers()).filteredOn(user -> user.getId().equals("1")).first()
                .extracting(User::getInfo).asString().contains("Rina Kusuma");

        // Frames reach a socket in order: had the second tab been announced, it would come before "2".
        org.awaitility.Awaitility.await().until(() -> firstTab.membersAdded().contains("2"));
        assertThat(firstTab.membersAdded()).containsExactly("2");
        assertThat(firstView.getUsers()).extracting(User::getId).containsExactlyInAnyOrder("1", "2");

        secondTab.disconnect();
        firstTab.disconnect();
        org.awaitility.Awaitility.await().until(() -> otherAdmin.membersRemoved().contains("1"));
        assertThat(otherAdmin.membersRemoved()).containsExactly("1");
        assertThat(otherView.getUsers()).extracting(User::getId).containsExactly("2");
    }

    @Test
    void clientEventReachesTheOtherSubscriberButNeverTheSender() {
        PusherTestClient visitorClient = client(visitor(chatService.visitorOf(51)));
        PusherTestClient adminClient = client(admin());
        PrivateChannel visitorSide = visitorClient.subscribePrivate("private-conversation-51", "client-typing");
        PrivateChannel adminSide = adminClient.subscribePrivate("private-conversation-51", "client-typing");
        visitorClient.awaitSubscribed("private-conversation-51");
        adminClient.awaitSubscribed("private-conversation-51");

        visitorSide.trigger("client-typing", "{\"senderType\":\"visitor\",\"isTyping\":true}");
        PusherEvent atAdmin = adminClient.awaitEvent("private-conversation-51", "client-typing");
        assertThat(JSON.readTree(atAdmin.getData()).get("senderType").asString()).isEqualTo("visitor");

        adminSide.trigger("client-typing", "{\"senderType\":\"admin\",\"isTyping\":true}");
        visitorClient.awaitEvent("private-conversation-51", "client-typing");
        assertThat(visitorClient.events("private-conversation-51", "client-typing"))
                .extracting(event -> JSON.readTree(event.getData()).get("senderType").asString())
                .containsExactly("admin");
        assertThat(adminClient.events("private-conversation-51", "client-typing"))
                .extracting(event -> JSON.readTree(event.getData()).get("senderType").asString())
                .containsExactly("visitor");
    }

    @Test
    void clientEventOnAPresenceChannelCarriesTheSendersUserId() {
        PusherTestClient rina = client(admin(1, "Rina Kusuma"));
        PusherTestClient budi = client(admin(2, "Budi Santoso"));
        PresenceChannel rinaView = rina.subscribePresence("presence-admin-chat", "client-note");
        budi.subscribePresence("presence-admin-chat", "client-note");
        rina.awaitSubscribed("presence-admin-chat");
        budi.awaitSubscribed("presence-admin-chat");

        rinaView.trigger("client-note", "{\"text\":\"I take conversation 42\"}");

        PusherEvent note = budi.awaitEvent("presence-admin-chat", "client-note");
        assertThat(note.getUserId()).isEqualTo("1");
    }

    @Test
    void forgedAuthorizationIsRefusedWithASubscriptionErrorAndTheConnectionStaysUp() {
        com.pusher.client.PusherOptions options = new com.pusher.client.PusherOptions().setHost("localhost").setWsPort(port)
                .setUseTLS(false).setMaxReconnectionAttempts(0)
                .setChannelAuthorizer((channel, socketId) -> "{\"auth\":\"" + credentials.key() + ":" + "0".repeat(64) + "\"}");
        PusherTestClient forger = PusherTestClient.connect(new com.pusher.client.Pusher(credentials.key(), options));
        clients.add(forger);

        forger.subscribePrivate("private-admin-notifications", "pusher:subscription_error");

        PusherEvent refusal = forger.awaitEvent("private-admin-notifications", "pusher:subscription_error");
        JsonNode data = JSON.readTree(refusal.getData());
        assertThat(data.get("type").asString()).isEqualTo("AuthError");
        assertThat(data.get("status").asInt()).isEqualTo(401);
        assertThat(forger.isSubscribed("private-admin-notifications")).isFalse();
        assertThat(forger.pusher().getConnection().getState()).isEqualTo(ConnectionState.CONNECTED);
        forger.subscribe("still-connected", "ping");
        forger.awaitSubscribed("still-connected");
    }

    @Test
    void batchOfEventsPublishedThroughPusherHttpJavaArrivesInOrder() {
        PusherTestClient adminClient = client(admin());
        adminClient.subscribePrivate("private-conversation-60", "new-message");
        adminClient.subscribePrivate("private-admin-notifications", "new-message-alert");
        adminClient.awaitSubscribed("private-conversation-60");
        adminClient.awaitSubscribed("private-admin-notifications");

        List<Event> batch = new ArrayList<>();
        IntStream.rangeClosed(1, 5).forEach(seq -> {
            batch.add(new Event("private-conversation-60", "new-message", Map.of("seq", seq)));
            batch.add(new Event("private-admin-notifications", "new-message-alert", Map.of("seq", seq)));
        });
        assertThat(api.trigger(batch).getStatus()).isEqualTo(Result.Status.SUCCESS);

        assertThat(adminClient.awaitEvents("private-conversation-60", "new-message", 5))
                .extracting(event -> JSON.readTree(event.getData()).get("seq").asInt()).containsExactly(1, 2, 3, 4, 5);
        assertThat(adminClient.awaitEvents("private-admin-notifications", "new-message-alert", 5))
                .extracting(event -> JSON.readTree(event.getData()).get("seq").asInt()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void publisherCanLeaveOutTheSocketThatCausedTheEvent() {
        PusherTestClient author = client(Map.of());
        PusherTestClient reader = client(Map.of());
        author.subscribe("portfolio-updates", "changed");
        reader.subscribe("portfolio-updates", "changed");
        author.awaitSubscribed("portfolio-updates");
        reader.awaitSubscribed("portfolio-updates");

        api.trigger("portfolio-updates", "changed", Map.of("n", 1), author.socketId());
        api.trigger("portfolio-updates", "changed", Map.of("n", 2));

        assertThat(reader.awaitEvents("portfolio-updates", "changed", 2))
                .extracting(event -> JSON.readTree(event.getData()).get("n").asInt()).containsExactly(1, 2);
        author.awaitEvent("portfolio-updates", "changed");
        assertThat(author.events("portfolio-updates", "changed"))
                .extracting(event -> JSON.readTree(event.getData()).get("n").asInt()).containsExactly(2);
    }
}
