package io.portfoliochat.realtime.server;

import static io.portfoliochat.realtime.testing.RealtimeTestSupport.admin;
import static io.portfoliochat.realtime.testing.RealtimeTestSupport.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.client.channel.PresenceChannel;
import com.pusher.client.channel.PrivateChannel;
import com.pusher.client.channel.User;
import com.pusher.rest.Pusher;
import io.portfoliochat.events.MessageCreated;
import io.portfoliochat.events.SenderType;
import io.portfoliochat.realtime.mode.AppCredentials;
import io.portfoliochat.realtime.testing.AnotherInstance;
import io.portfoliochat.realtime.testing.StubbedChatService;
import io.portfoliochat.testsupport.PusherTestClient;
import io.portfoliochat.realtime.testing.RealtimeTestSupport;
import io.portfoliochat.support.kafka.TopicNames;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestEventSender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two self-hosted instances on the same topics, like two replicas behind the gateway: each delivers every
 * Kafka event to its own sockets, and what only one of them sees (HTTP API publishes, client events,
 * presence) reaches the sockets of the other.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutTest extends StubbedChatService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    AppCredentials credentials;

    @Autowired
    TopicNames topics;

    @Autowired
    Environment environment;

    @Autowired
    PeerRelay relay;

    @Autowired
    ChannelRegistry registry;

    private AnotherInstance second;
    private final List<PusherTestClient> clients = new ArrayList<>();

    @BeforeAll
    void startSecondInstance() {
        second = AnotherInstance.start(topics.prefix(), Map.of("portfoliochat.realtime.chat-service.url", chatService.url()));
        await().until(() -> relay.listening() && second.bean(PeerRelay.class).listening());
    }

    @AfterAll
    void stopSecondInstance() {
        second.close();
    }

    @AfterEach
    void disconnect() {
        clients.forEach(PusherTestClient::close);
    }

    private PusherTestClient onFirst(Map<String, String> headers) {
        PusherTestClient client = PusherTestClient.connect(port, credentials.key(), headers);
        clients.add(client);
        return client;
    }

    private PusherTestClient onSecond(Map<String, String> headers) {
        PusherTestClient client = PusherTestClient.connect(second.port(), credentials.key(), headers);
        clients.add(client);
        return client;
    }

    @Test
    void eachInstanceDeliversEveryKafkaEventToItsOwnSocketsOnce() {
        PusherTestClient first = onFirst(admin());
        PusherTestClient other = onSecond(admin());
        first.subscribePrivate("private-conversation-300", "new-message");
        other.subscribePrivate("private-conversation-300", "new-message");
        first.awaitSubscribed("private-conversation-300");
        other.awaitSubscribed("private-conversation-300");

        try (TestEventSender kafka = new TestEventSender(environment.getRequiredProperty("spring.kafka.bootstrap-servers"))) {
            for (int seq = 1; seq <= 3; seq++) {
                kafka.send(topics.conversationEvents(), new MessageCreated(300, 3000 + seq, seq, SenderType.VISITOR, "v", "Sari",
                        "m" + seq, "c" + seq, List.of(), null, null, Instant.now()));
            }
        }

        for (PusherTestClient client : List.of(first, other)) {
            assertThat(client.awaitEvents("private-conversation-300", "new-message", 3))
                    .extracting(event -> JSON.readTree(event.getData()).get("seq").asInt()).containsExactly(1, 2, 3);
        }
    }

    @Test
    void aPublishThroughOneInstancesHttpApiReachesSocketsOnTheOther() throws Exception {
        PusherTestClient other = onSecond(Map.of());
        other.subscribe("scale-news", "headline");
        other.awaitSubscribed("scale-news");

        Pusher api = RealtimeTestSupport.httpApi(port, credentials);
        api.trigger("scale-news", "headline", Map.of("from", "first instance"));
        api.close();

        assertThat(JSON.readTree(other.awaitEvent("scale-news", "headline").getData()).get("from").asString())
                .isEqualTo("first instance");
    }

    @Test
    void clientEventsCrossInstances() {
        PusherTestClient visitorOnFirst = onFirst(visitor(chatService.visitorOf(301)));
        PusherTestClient adminOnSecond = onSecond(admin());
        PrivateChannel visitorSide = visitorOnFirst.subscribePrivate("private-conversation-301", "client-typing");
        adminOnSecond.subscribePrivate("private-conversation-301", "client-typing");
        visitorOnFirst.awaitSubscribed("private-conversation-301");
        adminOnSecond.awaitSubscribed("private-conversation-301");

        visitorSide.trigger("client-typing", "{\"senderType\":\"visitor\",\"isTyping\":true}");

        assertThat(JSON.readTree(adminOnSecond.awaitEvent("private-conversation-301", "client-typing").getData())
                .get("isTyping").asBoolean()).isTrue();
    }

    @Test
    void presenceSpansInstancesAndCountsEachUserOnce() {
        PusherTestClient rinaOnFirst = onFirst(admin(1, "Rina Kusuma"));
        PresenceChannel rinaView = rinaOnFirst.subscribePresence("presence-admin-chat");
        rinaOnFirst.awaitSubscribed("presence-admin-chat");
        ChannelRegistry secondRegistry = second.bean(ChannelRegistry.class);
        await().until(() -> secondRegistry.presenceUserIds("presence-admin-chat").contains("1"));

        PusherTestClient rinaOnSecond = onSecond(admin(1, "Rina Kusuma"));
        PusherTestClient budiOnSecond = onSecond(admin(2, "Budi Santoso"));
        rinaOnSecond.subscribePresence("presence-admin-chat");
        PresenceChannel budiView = budiOnSecond.subscribePresence("presence-admin-chat");
        rinaOnSecond.awaitSubscribed("presence-admin-chat");
        budiOnSecond.awaitSubscribed("presence-admin-chat");

        assertThat(budiView.getUsers()).extracting(User::getId).containsExactlyInAnyOrder("1", "2");
        await().until(() -> rinaOnFirst.membersAdded().contains("2"));
        assertThat(rinaOnFirst.membersAdded()).as("Rina's second tab on the other instance is not a new member").containsExactly("2");
        assertThat(rinaView.getUsers()).extracting(User::getId).containsExactlyInAnyOrder("1", "2");

        budiOnSecond.disconnect();
        await().until(() -> rinaOnFirst.membersRemoved().contains("2"));
        rinaOnSecond.disconnect();
        await().until(() -> !secondRegistry.presenceUserIds("presence-admin-chat").isEmpty()
                && registry.presenceUserIds("presence-admin-chat").equals(List.of("1")));
        assertThat(rinaOnFirst.membersRemoved()).as("Rina is still here on the first instance").containsExactly("2");
    }
}
