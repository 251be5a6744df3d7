package io.portfoliochat.chat.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.chat.ChatApi;
import io.portfoliochat.events.MessagesRead;
import io.portfoliochat.events.SenderType;
import io.portfoliochat.support.kafka.TopicNames;
import io.portfoliochat.testsupport.EventsProbe;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
class MessagePagingTest {

    @LocalServerPort
    int port;

    @Autowired
    TopicNames topics;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    ChatApi api;
    String token;
    long conversationId;
    List<Long> ids;

    @BeforeEach
    void twentyFiveMessages() {
        api = new ChatApi(port);
        token = api.newSession();
        ids = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            TestHttp.Response sent = i % 5 == 0
                    ? api.adminSends(conversationId, "message " + i)
                    : api.visitorSends(token, "message " + i);
            conversationId = sent.data().get("conversationId").asLong();
            ids.add(sent.data().get("messageId").asLong());
        }
    }

    @Test
    void withoutACursorTheLatestPageComesOldestFirst() {
        JsonNode page = api.visitorReads(token, "conversationId=" + conversationId + "&limit=10").data();

        assertThat(contents(page)).containsExactly("message 16", "message 17", "message 18", "message 19", "message 20",
                "message 21", "message 22", "message 23", "message 24", "message 25");
        assertThat(page.get("hasMore").asBoolean()).isTrue();
        assertThat(page.get("nextCursor").asLong()).isEqualTo(ids.get(15));
        JsonNode first = page.get("messages").get(0);
        assertThat(first.get("seq").asLong()).isEqualTo(16);
        assertThat(first.get("senderType").asString()).isEqualTo("visitor");
        assertThat(first.get("conversationId").asLong()).isEqualTo(conversationId);
    }

    @Test
    void beforePagesBackwardsUntilTheBeginning() {
        JsonNode latest = api.visitorReads(token, "conversationId=" + conversationId + "&limit=10").data();
        JsonNode older = api.visitorReads(token, "conversationId=" + conversationId + "&limit=10&before="
                + latest.get("nextCursor").asLong()).data();
        JsonNode oldest = api.visitorReads(token, "conversationId=" + conversationId + "&limit=10&before="
                + older.get("nextCursor").asLong()).data();

        assertThat(contents(older)).first().isEqualTo("message 6");
        assertThat(contents(older)).last().isEqualTo("message 15");
        assertThat(contents(oldest)).containsExactly("message 1", "message 2", "message 3", "message 4", "message 5");
        assertThat(oldest.get("hasMore").asBoolean()).isFalse();
        assertThat(oldest.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void afterFetchesExactlyWhatAReconnectingClientMissed() {
        long lastSeen = ids.get(19);

        JsonNode missed = api.visitorReads(token, "conversationId=" + conversationId + "&after=" + lastSeen).data();

        assertThat(contents(missed)).containsExactly("message 21", "message 22", "message 23", "message 24", "message 25");
        assertThat(missed.get("hasMore").asBoolean()).isFalse();
        assertThat(missed.get("nextCursor").asLong()).isEqualTo(ids.get(24));
    }

    @Test
    void afterPagesForwardsWhenMoreWereMissedThanALimit() {
        JsonNode first = api.adminReads("conversationId=" + conversationId + "&after=0&limit=10").data();
        JsonNode second = api.adminReads("conversationId=" + conversationId + "&after=" + first.get("nextCursor").asLong()
                + "&limit=10").data();

        assertThat(contents(first)).first().isEqualTo("message 1");
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(contents(second)).first().isEqualTo("message 11");
        assertThat(contents(second)).last().isEqualTo("message 20");
    }

    @Test
    void readingMarksTheOtherSidesMessagesReadAndAnnouncesIt() {
        try (EventsProbe probe = EventsProbe.on(kafka, topics.conversationEvents())) {
            TestHttp.Response visitorRead = api.http().postJson("/api/chat/messages/read",
                    Map.of("conversationId", conversationId), "X-Session-Token", token);
            TestHttp.Response adminRead = api.admin("POST", "/api/chat/messages/read",
                    Map.of("conversationId", conversationId, "upToMessageId", ids.get(9)));

            assertThat(visitorRead.status()).isEqualTo(200);
            assertThat(longs(visitorRead.data().get("messageIds")))
                    .containsExactly(ids.get(4), ids.get(9), ids.get(14), ids.get(19), ids.get(24));
            assertThat(longs(adminRead.data().get("messageIds"))).hasSize(8).doesNotContain(ids.get(4), ids.get(9));
            MessagesRead byVisitor = probe.await(MessagesRead.class, e -> e.readerType() == SenderType.VISITOR);
            MessagesRead byAdmin = probe.await(MessagesRead.class, e -> e.readerType() == SenderType.ADMIN);
            assertThat(byVisitor.messageIds()).hasSize(5);
            assertThat(byAdmin.messageIds()).hasSize(8);

            JsonNode page = api.visitorReads(token, "conversationId=" + conversationId + "&limit=5").data();
            assertThat(page.get("messages").get(4).get("isRead").asBoolean()).isTrue();
            JsonNode listed = api.admin("GET", "/api/chat/conversations/" + conversationId, null).data();
            assertThat(listed.get("unreadCount").asInt()).isEqualTo(20 - 8);
            TestHttp.Response again = api.http().postJson("/api/chat/messages/read",
                    Map.of("conversationId", conversationId), "X-Session-Token", token);
            assertThat(again.data().get("messageIds").size()).isZero();
        }
    }

    @Test
    void theAdminListShowsTheLastMessageUnreadCountsAndPages() {
        String other = api.newSession();
        long otherConversation = api.visitorStartsConversation(other, "newest conversation");

        JsonNode firstPage = api.admin("GET", "/api/chat/conversations?status=active&page=1&limit=1", null).data();
        JsonNode secondPage = api.admin("GET", "/api/chat/conversations?page=2&limit=1", null).data();

        JsonNode newest = firstPage.get("conversations").get(0);
        assertThat(newest.get("id").asLong()).isEqualTo(otherConversation);
        assertThat(newest.get("lastMessage").get("content").asString()).isEqualTo("newest conversation");
        assertThat(newest.get("lastMessage").get("senderType").asString()).isEqualTo("visitor");
        assertThat(newest.get("unreadCount").asInt()).isEqualTo(1);
        assertThat(newest.get("isAiHandled").asBoolean()).isTrue();
        long total = jdbc.sql("SELECT COUNT(*) FROM conversation").query(Long.class).single();
        assertThat(firstPage.get("pagination").get("total").asLong()).isEqualTo(total);
        assertThat(firstPage.get("pagination").get("totalPages").asInt()).isEqualTo((int) total);
        JsonNode older = secondPage.get("conversations").get(0);
        assertThat(older.get("id").asLong()).isEqualTo(conversationId);
        assertThat(older.get("unreadCount").asInt()).isEqualTo(20);
        assertThat(older.get("lastMessage").get("senderType").asString()).isEqualTo("admin");
        assertThat(api.admin("GET", "/api/chat/conversations?status=resolved", null).data()
                .get("conversations").size()).isZero();
    }

    private static List<String> contents(JsonNode page) {
        List<String> contents = new ArrayList<>();
        page.get("messages").forEach(message -> contents.add(message.get("content").asString()));
        return contents;
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asLong()));
        return values;
    }
}
