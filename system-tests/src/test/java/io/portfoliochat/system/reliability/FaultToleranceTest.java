package io.portfoliochat.system.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.client.channel.PusherEvent;
import io.portfoliochat.stack.LocalStack;
import io.portfoliochat.stack.ServiceProcess;
import io.portfoliochat.stack.StackService;
import io.portfoliochat.system.RunningSystem;
import io.portfoliochat.testsupport.PusherTestClient;
import io.portfoliochat.testsupport.TestHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "100% message persistence", shown under fire: while visitors chat steadily, the Kafka broker,
 * chat-service, one of two assistants and the realtime server are killed with SIGKILL and brought
 * back, and the database is restarted. Afterwards every message that got a 201 is stored exactly
 * once and reached the admin (live, or by the fetch a client does after reconnecting), and every
 * visitor message got exactly one AI answer or hand-off — with no manual step to recover.
 */
class FaultToleranceTest {

    private static final int BASE_PORT = 29080;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> timeline = new CopyOnWriteArrayList<>();
    private final List<PusherEvent> liveAlerts = new CopyOnWriteArrayList<>();

    @Test
    void everyAcceptedMessageSurvivesKillsAndRestartsStoredOnceSeenByTheAdminAndAnsweredOnce() throws Exception {
        FaultProfile profile = FaultProfile.current();
        try (RunningSystem system = RunningSystem.start(BASE_PORT, "fault-stack")) {
            LocalStack stack = system.stack();
            ServiceProcess secondAssistant = stack.addInstance(StackService.AI_RESPONDER, BASE_PORT + 5);
            String admin = "Bearer " + system.adminToken();
            PusherTestClient adminSocket = watchAsAdmin(system, admin);
            SteadyVisitors visitors = SteadyVisitors.start(system.gateway(), profile.visitors(), profile.pauseBetweenMessages());
            long started = System.nanoTime();
            try {
                for (int round = 1; round <= profile.rounds(); round++) {
                    steady(profile);
                    fault("Kafka broker killed (SIGKILL), restarted", () -> {
                        stack.kafka().kill();
                        pause(profile.outage());
                        stack.kafka().start();
                    });
                    steady(profile);
                    ServiceProcess chat = stack.service(StackService.CHAT);
                    fault("chat-service killed (SIGKILL), restarted", () -> {
                        chat.kill();
                        pause(profile.outage());
                        chat.restart(Duration.ofMinutes(2));
                    });
                    steady(profile);
                    fault("one of two ai-responder instances killed (SIGKILL)", secondAssistant::kill);
                    steady(profile);
                    ServiceProcess realtime = stack.service(StackService.REALTIME);
                    PusherTestClient previous = adminSocket;
                    fault("realtime-fanout-service killed (SIGKILL), restarted", () -> {
                        realtime.kill();
                        pause(profile.outage());
                        realtime.restart(Duration.ofMinutes(2));
                    });
                    previous.close();
                    adminSocket = watchAsAdmin(system, admin);
                    steady(profile);
                    fault("database restarted", stack::restartEmbeddedDatabase);
                    steady(profile);
                    if (round < profile.rounds()) {
                        fault("second assistant restarted", () -> secondAssistant.restart(Duration.ofMinutes(2)));
                    }
                }
            } finally {
                visitors.close();
            }
            long loadSeconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

            List<SteadyVisitors.Accepted> accepted = visitors.accepted();
            assertThat(accepted).as("messages accepted under faults").hasSizeGreaterThan(profile.visitors());
            assertThat(visitors.abandoned()).as("sends that never got a 201 within two minutes").isEmpty();

            try (Connection db = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + (BASE_PORT + 11)
                    + "/portfolio_chat_chat", "root", "")) {
                Map<String, List<Long>> storedByClientId = storedVisitorMessages(db);
                for (SteadyVisitors.Accepted message : accepted) {
                    assertThat(storedByClientId.get(message.clientMessageId()))
                            .as("stored rows of %s", message.clientMessageId()).containsExactly(message.messageId());
                }

                Set<Long> acceptedIds = new HashSet<>();
                accepted.forEach(message -> acceptedIds.add(message.messageId()));
                Set<Long> seenLive = visitorMessagesSeenLive();
                Set<Long> fetchedAfterReconnect = new HashSet<>();
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    fetchedAfterReconnect.clear();
                    fetchedAfterReconnect.addAll(fetchAllVisitorMessagesAsAdmin(system.gateway(), admin));
                    assertThat(fetchedAfterReconnect).as("visitor messages the admin can read").containsAll(acceptedIds);
                });
                Set<Long> seenByAdmin = new HashSet<>(seenLive);
                seenByAdmin.addAll(fetchedAfterReconnect);
                assertThat(seenByAdmin).containsAll(acceptedIds);
                long duplicateLiveDeliveries = liveAlerts.size() - distinctLiveMessageIds();

                Map<Long, Integer> answersPerVisitorMessage = new HashMap<>();
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                    answersPerVisitorMessage.clear();
                    answersPerVisitorMessage.putAll(answersPerVisitorMessage(db));
                    return answersPerVisitorMessage.keySet().containsAll(allVisitorMessageIds(db));
                });
                Map<Long, Integer> answeredTwice = new LinkedHashMap<>();
                answersPerVisitorMessage.forEach((id, count) -> {
                    if (count != 1) {
                        answeredTwice.put(id, count);
                    }
                });
                assertThat(answeredTwice).as("visitor messages with more than one AI answer").isEmpty();

                for (StackService service : StackService.values()) {
                    stack.service(service).awaitReady(Duration.ofSeconds(30));
                }

                report(profile, loadSeconds, visitors, accepted.size(), seenLive, acceptedIds, fetchedAfterReconnect,
                        duplicateLiveDeliveries, answersPerVisitorMessage.size(), handOffs(db));
            } finally {
                adminSocket.close();
            }
        }
    }

    private PusherTestClient watchAsAdmin(RunningSystem system, String admin) {
        PusherTestClient socket = system.pusher(Map.of("Authorization", admin));
        socket.subscribePrivate("private-admin-notifications", "new-message-alert");
        socket.awaitSubscribed("private-admin-notifications");
        Thread collector = new Thread(() -> {
            int copied = 0;
            while (socket.pusher().getConnection().getState() != com.pusher.client.connection.ConnectionState.DISCONNECTED
                    || copied < socket.events().size()) {
                List<PusherEvent> events = socket.events();
                for (; copied < events.size(); copied++) {
                    liveAlerts.add(events.get(copied));
                }
                pause(Duration.ofMillis(200));
            }
        }, "admin-alerts");
        collector.setDaemon(true);
        collector.start();
        return socket;
    }

    private void fault(String what, ThrowingRunnable action) throws Exception {
        long started = System.nanoTime();
        action.run();
        String line = String.format("%-52s %5.1f s", what, (System.nanoTime() - started) / 1e9);
        timeline.add(line);
        System.out.println("fault: " + line);
    }

    private static void steady(FaultProfile profile) {
        pause(profile.steadyBetweenFaults());
    }

    private Set<Long> visitorMessagesSeenLive() {
        Set<Long> ids = new HashSet<>();
        for (PusherEvent alert : liveAlerts) {
            JsonNode data = JSON.readTree(alert.getData());
            if ("visitor".equals(data.path("senderType").asString())) {
                ids.add(data.get("messageId").asLong());
            }
        }
        return ids;
    }

    private long distinctLiveMessageIds() {
        Set<Long> ids = new HashSet<>();
        liveAlerts.forEach(alert -> ids.add(JSON.readTree(alert.getData()).get("messageId").asLong()));
        return ids.size();
    }

    /** What the admin UI does after reconnecting: list the conversations and read their messages. */
    private static Set<Long> fetchAllVisitorMessagesAsAdmin(TestHttp gateway, String admin) {
        Set<Long> ids = new HashSet<>();
        int page = 1;
        while (true) {
            TestHttp.Response listing = gateway.get("/api/chat/conversations?limit=100&page=" + page, "Authorization", admin);
            assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
            JsonNode list = listing.data();
            for (JsonNode conversation : list.get("conversations")) {
                long after = 0;
                boolean more = true;
                while (more) {
                    TestHttp.Response batch = gateway.get("/api/chat/messages?limit=100&conversationId="
                            + conversation.get("id").asLong() + "&after=" + after, "Authorization", admin);
                    assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
                    JsonNode messages = batch.data();
                    for (JsonNode message : messages.get("messages")) {
                        if ("visitor".equals(message.get("senderType").asString())) {
                            ids.add(message.get("id").asLong());
                        }
                        after = message.get("id").asLong();
                    }
                    more = messages.get("hasMore").asBoolean();
                }
            }
            if (page >= list.get("pagination").get("totalPages").asInt()) {
                return ids;
            }
            page++;
        }
    }

    private static Map<String, List<Long>> storedVisitorMessages(Connection db) throws Exception {
        Map<String, List<Long>> stored = new HashMap<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT client_message_id, id FROM message WHERE sender_type = 'visitor'")) {
            while (rows.next()) {
                stored.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(rows.getLong(2));
            }
        }
        return stored;
    }

    private static Set<Long> allVisitorMessageIds(Connection db) throws Exception {
        Set<Long> ids = new HashSet<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM message WHERE sender_type = 'visitor'")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    /** How many AI messages (replies or hand-off notices) cover each visitor message, from their inReplyTo. */
    private static Map<Long, Integer> answersPerVisitorMessage(Connection db) throws Exception {
        Map<Long, Integer> answers = new HashMap<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT metadata FROM message WHERE sender_type = 'ai'")) {
            while (rows.next()) {
                JsonNode inReplyTo = JSON.readTree(rows.getString(1)).path("inReplyTo");
                inReplyTo.forEach(id -> answers.merge(id.asLong(), 1, Integer::sum));
            }
        }
        return answers;
    }

    private static long handOffs(Connection db) throws Exception {
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT COUNT(*) FROM message WHERE sender_type = 'ai' AND JSON_VALUE(metadata, '$.handOff') = 'true'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void report(FaultProfile profile, long loadSeconds, SteadyVisitors visitors, int accepted, Set<Long> seenLive,
                        Set<Long> acceptedIds, Set<Long> fetched, long duplicateLiveDeliveries, int answered,
                        long handOffs) throws Exception {
        Set<Long> onlyFetched = new HashSet<>(acceptedIds);
        onlyFetched.removeAll(seenLive);
        StringBuilder text = new StringBuilder();
        text.append("Fault test (").append(profile.name()).append(" profile): ").append(profile.visitors())
                .append(" visitors, ").append(loadSeconds).append(" s under load\n");
        timeline.forEach(line -> text.append("  ").append(line).append('\n'));
        text.append("  messages accepted (201):               ").append(accepted).append('\n')
                .append("  client retries (same clientMessageId): ").append(visitors.retries()).append('\n')
                .append("  failed attempts seen by clients:       ").append(visitors.failures()).append('\n')
                .append("  stored exactly once:                   ").append(accepted).append(" of ").append(accepted).append('\n')
                .append("  reached the admin live:                ").append(acceptedIds.size() - onlyFetched.size()).append('\n')
                .append("  reached the admin by reconnect fetch:  ").append(onlyFetched.size()).append('\n')
                .append("  duplicate live deliveries (deduped by message id in the UI): ").append(duplicateLiveDeliveries).append('\n')
                .append("  visitor messages answered exactly once: ").append(answered).append(" (hand-offs among the answers: ")
                .append(handOffs).append(")\n");
        System.out.println(text);
        Path out = RunningSystem.REPOSITORY.resolve("system-tests/target/fault-report-" + profile.name() + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
