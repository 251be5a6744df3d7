package io.portfoliochat.chat.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.chat.ChatApi;
import io.portfoliochat.events.ConversationStarted;
import io.portfoliochat.events.ConversationStatus;
import io.portfoliochat.events.ConversationUpdated;
import io.portfoliochat.events.MessageCreated;
import io.portfoliochat.events.SenderType;
import io.portfoliochat.support.kafka.TopicNames;
import io.portfoliochat.testsupport.EventsProbe;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestEventSender;
import io.portfoliochat.testsupport.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ServiceIntegrationTest
class SendMessageTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TopicNames topics;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    ChatApi api;
    EventsProbe probe;

    @BeforeEach
    void setUp() {
        api = new ChatApi(port);
        probe = EventsProbe.on(kafka, topics.conversationEvents());
    }

    @AfterEach
    void tearDown() {
        probe.close();
    }

    @Test
    void aVisitorsFirstMessageCreatesTheConversationAndPublishesBothEvents() {
        String token = api.newSession();

        TestHttp.Response response = api.visitorSends(token, Map.of("content", "Halo, apa tech stack kamu? 🚀",
                "visitorName", "Budi", "visitorEmail", "budi@example.com", "clientMessageId", "c-1"));

        assertThat(response.status()).isEqualTo(201);
        long conversationId = response.data().get("conversationId").asLong();
        long messageId = response.data().get("messageId").asLong();
        assertThat(response.data().get("senderType").asString()).isEqualTo("visitor");
        assertThat(response.data().get("content").asString()).isEqualTo("Halo, apa tech stack kamu? 🚀");
        assertThat(response.data().get("seq").asLong()).isEqualTo(1);
        assertThat(response.data().get("aiResponsePending").asBoolean()).isTrue();

        ConversationStarted started = probe.await(ConversationStarted.class, e -> e.conversationId() == conversationId);
        MessageCreated created = probe.await(MessageCreated.class, e -> e.messageId() == messageId);
        assertThat(started.visitorName()).isEqualTo("Budi");
        assertThat(started.visitorEmail()).isEqualTo("budi@example.com");
        assertThat(started.visitorId()).isNotEqualTo(token);
        assertThat(created.senderType()).isEqualTo(SenderType.VISITOR);
        assertThat(created.content()).isEqualTo("Halo, apa tech stack kamu? 🚀");
        assertThat(created.clientMessageId()).isEqualTo("c-1");
        assertThat(created.senderId()).isEqualTo(started.visitorId());
        List<EventsProbe.Received> inOrder = probe.all().stream()
                .filter(r -> r.key().equals(Long.toString(conversationId))).toList();
        assertThat(inOrder).extracting(r -> r.envelope().type()).containsExactly("conversation.started", "message.created");
        assertThat(inOrder).extracting(EventsProbe.Received::partition).containsOnly(inOrder.get(0).partition());
        String stored = jdbc.sql("SELECT content FROM message WHERE id = :id").param("id", messageId).query(String.class).single();
        assertThat(stored).isEqualTo("Halo, apa tech stack kamu? 🚀");
    }

    @Test
    void messagesOfAConversationAreNumberedWithoutGapsAndPublishedInOrder() {
        String token = api.newSession();
        long conversationId = api.visitorStartsConversation(token, "one");
        api.adminSends(conversationId, "two");
        api.visitorSends(token, "three");
        api.adminSends(conversationId, "four");

        List<MessageCreated> events = probe.awaitCount(MessageCreated.class, e -> e.conversationId() == conversationId, 4,
                Duration.ofSeconds(20));

        assertThat(events).extracting(MessageCreated::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(events).extracting(MessageCreated::content).containsExactly("one", "two", "three", "four");
        assertThat(events).extracting(MessageCreated::senderType)
                .containsExactly(SenderType.VISITOR, SenderType.ADMIN, SenderType.VISITOR, SenderType.ADMIN);
        assertThat(events.get(1).senderName()).isEqualTo("Rina Kusuma");
    }

    @Test
    void aVisitorCannotPostIntoAnotherConversation() {
        String alice = api.newSession();
        long alicesConversation = api.visitorStartsConversation(alice, "Alice here");
        String bob = api.newSession();
        long bobsConversation = api.visitorStartsConversation(bob, "Bob here");

        TestHttp.Response intoAlices = api.visitorSends(bob, Map.of("conversationId", alicesConversation, "content", "hijack"));
        String fresh = api.newSession();
        TestHttp.Response freshIntoAlices = api.visitorSends(fresh, Map.of("conversationId", alicesConversation, "content", "hijack"));

        assertThat(intoAlices.status()).isEqualTo(403);
        assertThat(intoAlices.error()).isEqualTo("You can only post in your own conversation");
        assertThat(freshIntoAlices.status()).isEqualTo(403);
        assertThat(messageCount(alicesConversation)).isEqualTo(1);
        assertThat(messageCount(bobsConversation)).isEqualTo(1);
    }

    @Test
    void aVisitorCannotReadAnotherConversation() {
        String alice = api.newSession();
        long alicesConversation = api.visitorStartsConversation(alice, "secret");
        String bob = api.newSession();
        api.visitorStartsConversation(bob, "hi");

        TestHttp.Response response = api.visitorReads(bob, "conversationId=" + alicesConversation);
        TestHttp.Response markRead = api.http().postJson("/api/chat/messages/read",
                Map.of("conversationId", alicesConversation), "X-Session-Token", bob);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("secret");
        assertThat(markRead.status()).isEqualTo(403);
    }

    @Test
    void theAdminPostsIntoAnyExistingConversationButNotIntoOneThatDoesNotExist() {
        String token = api.newSession();
        long conversationId = api.visitorStartsConversation(token, "Hello?");

        TestHttp.Response reply = api.adminSends(conversationId, "Hi, Rina here");
        TestHttp.Response nowhere = api.adminSends(999_999, "anyone?");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.data().get("senderType").asString()).isEqualTo("admin");
        assertThat(reply.data().get("aiResponsePending").asBoolean()).isFalse();
        assertThat(nowhere.status()).isEqualTo(404);
    }

    @Test
    void theSenderTypeComesFromTheCredentialsNeverFromTheBody() {
        String token = api.newSession();

        TestHttp.Response forged = api.visitorSends(token, Map.of("content", "I am the admin", "senderType", "admin"));

        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.error()).isEqualTo("Unknown field 'senderType'");
    }

    @Test
    void resendingTheSameClientMessageIdReturnsTheOriginalAndStoresOneRow() {
        String token = api.newSession();
        Map<String, Object> body = Map.of("content", "Are you there?", "clientMessageId", "retry-42");

        TestHttp.Response first = api.visitorSends(token, body);
        TestHttp.Response second = api.visitorSends(token, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.data().get("messageId").asLong()).isEqualTo(first.data().get("messageId").asLong());
        assertThat(second.data().get("conversationId").asLong()).isEqualTo(first.data().get("conversationId").asLong());
        assertThat(messageCount(first.data().get("conversationId").asLong())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM conversation").query(Long.class).single())
                .isEqualTo(jdbc.sql("SELECT COUNT(DISTINCT conversation_id) FROM message").query(Long.class).single());
    }

    @Test
    void concurrentDoublePostsOfTheSameMessageStoreItOnce() throws Exception {
        String token = api.newSession();
        Map<String, Object> body = Map.of("content", "double tap", "clientMessageId", "tap-1");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<TestHttp.Response>> posts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                posts.add(() -> api.visitorSends(token, body));
            }
            List<Long> messageIds = new ArrayList<>();
            for (Future<TestHttp.Response> result : pool.invokeAll(posts)) {
                assertThat(result.get().status()).isEqualTo(201);
                messageIds.add(result.get().data().get("messageId").asLong());
            }
            assertThat(messageIds).containsOnly(messageIds.get(0));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM message WHERE client_message_id = 'tap-1'").query(Long.class).single())
                    .isOne();
            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> probe.events(MessageCreated.class).stream().filter(e -> "tap-1".equals(e.clientMessageId())).count() == 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aiResponsePendingFollowsTheConversationsAiHandlingFromAdminService() {
        String token = api.newSession();
        long conversationId = api.visitorStartsConversation(token, "first");
        try (TestEventSender sender = new TestEventSender(kafka)) {
            sender.send(topics.conversationEvents(),
                    new ConversationUpdated(conversationId, ConversationStatus.ACTIVE, false, "Rina Kusuma", Instant.now()));
        }

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                !api.visitorSends(token, "are you a bot?").data().get("aiResponsePending").asBoolean());
        TestHttp.Response listed = api.admin("GET", "/api/chat/conversations/" + conversationId, null);
        assertThat(listed.data().get("isAiHandled").asBoolean()).isFalse();
    }

    @Test
    void textInAnyScriptAndEmojiRoundTrips() {
        String token = api.newSession();
        String text = "Terima kasih! Saya mau tanya soal proyek \"TrackNow\" — 日本語も 👍🏽 <b>bold</b> ' OR 1=1 --";
        long conversationId = api.visitorStartsConversation(token, text);

        TestHttp.Response read = api.visitorReads(token, "conversationId=" + conversationId);

        assertThat(read.data().get("messages").get(0).get("content").asString()).isEqualTo(text);
    }

    private long messageCount(long conversationId) {
        return jdbc.sql("SELECT COUNT(*) FROM message WHERE conversation_id = :c").param("c", conversationId)
                .query(Long.class).single();
    }
}
