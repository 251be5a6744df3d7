package io.portfoliochat.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.portfoliochat.stack.StackSecrets;
import io.portfoliochat.system.RunningSystem;
import io.portfoliochat.testsupport.TestHttp;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The shared running system as the security suites attack it: through the gateway, within the
 * gateway's rate limits (a refused call is repeated once the window allows, as a patient client
 * would), with one admin login per test JVM, and with every credential the suites used remembered
 * for the log scan.
 */
final class TargetSystem {

    /** Longer than any rate-limit window (one minute) plus a busy machine's slack. */
    private static final Duration RATE_LIMIT_PATIENCE = Duration.ofSeconds(100);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static TargetSystem instance;

    private final RunningSystem system;
    private final TestHttp gateway;
    private final StackDatabases databases;
    private final Set<String> usedCredentials = ConcurrentHashMap.newKeySet();
    private String adminAuthorization;

    private TargetSystem(RunningSystem system) {
        this.system = system;
        this.gateway = system.gateway();
        this.databases = new StackDatabases(system.stack().config());
    }

    /**
     * The shared running system; or, with {@code -Dportfoliochat.security.stack-port=<gateway port>}, a
     * system of the security suites' own on those ports (for a run while another holds the shared ones).
     */
    static synchronized TargetSystem get() {
        if (instance == null) {
            String ownPort = System.getProperty("portfoliochat.security.stack-port");
            if (ownPort == null || ownPort.isBlank()) {
                instance = new TargetSystem(RunningSystem.shared());
            } else {
                RunningSystem own = RunningSystem.start(Integer.parseInt(ownPort.trim()), "security-stack");
                Runtime.getRuntime().addShutdownHook(new Thread(own::close, "stop-security-stack"));
                instance = new TargetSystem(own);
            }
        }
        return instance;
    }

    RunningSystem system() {
        return system;
    }

    TestHttp gateway() {
        return gateway;
    }

    StackDatabases databases() {
        return databases;
    }

    StackSecrets secrets() {
        return system.stack().secrets();
    }

    /** Admin and visitor tokens the suites used: none of them may ever appear in a log. */
    Set<String> usedCredentials() {
        return Set.copyOf(usedCredentials);
    }

    void rememberCredential(String credential) {
        usedCredentials.add(credential);
    }

    /** {@code Bearer <token>} of the stack's admin, logged in once per test JVM (logins are rate limited). */
    synchronized String adminAuthorization() {
        if (adminAuthorization == null) {
            TestHttp.Response login = withinRateLimit(() -> gateway.postJson("/api/admin/login",
                    Map.of("email", secrets().adminEmail(), "password", secrets().adminPassword())));
            assertThat(login.status()).as("admin login: %s", login).isEqualTo(200);
            String token = login.data().get("token").asString();
            rememberCredential(token);
            adminAuthorization = "Bearer " + token;
        }
        return adminAuthorization;
    }

    /** A new visitor session (no conversation yet). */
    Visitor newVisitor() {
        TestHttp.Response session = withinRateLimit(() -> gateway.postJson("/api/chat/session", "{}"));
        assertThat(session.status()).as("new session: %s", session).isEqualTo(200);
        String token = session.data().get("sessionToken").asString();
        rememberCredential(token);
        return new Visitor(token, null);
    }

    /**
     * A visitor whose conversation exists, the owner has taken it over (so the assistant stays silent
     * and nothing changes in the background), and every service has caught up with it.
     */
    Visitor visitorWithQuietConversation(String firstMessage) {
        Visitor visitor = newVisitor();
        TestHttp.Response first = gateway.postJson("/api/chat/send", Map.of("content", firstMessage),
                "X-Session-Token", visitor.token());
        assertThat(first.status()).as("first message: %s", first).isEqualTo(201);
        long conversationId = first.data().get("conversationId").asLong();
        long messageId = first.data().get("messageId").asLong();
        await().atMost(WAIT).until(() -> answeredByAssistant(visitor.token(), conversationId, messageId));
        await().atMost(WAIT).until(() -> gateway.patchJson("/api/chat/conversations/" + conversationId,
                Map.of("isAiHandled", false), "Authorization", adminAuthorization()).status() == 200);
        await().atMost(WAIT).until(() -> !gateway.get("/api/chat/conversations/" + conversationId,
                "Authorization", adminAuthorization()).data().get("isAiHandled").asBoolean());
        databases.awaitOutboxesDrained();
        return new Visitor(visitor.token(), conversationId);
    }

    private boolean answeredByAssistant(String token, long conversationId, long messageId) {
        JsonNode messages = gateway.get("/api/chat/messages?conversationId=" + conversationId + "&after=" + messageId,
                "X-Session-Token", token).data().get("messages");
        for (JsonNode message : messages) {
            if ("ai".equals(message.get("senderType").asString())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Makes the call; if the gateway's rate limit refuses it (429), makes it again until the window
     * admits it (refused calls are not counted, so asking again costs nothing).
     */
    TestHttp.Response withinRateLimit(Supplier<TestHttp.Response> call) {
        TestHttp.Response first = call.get();
        if (first.status() != 429) {
            return first;
        }
        TestHttp.Response[] last = {first};
        await().atMost(RATE_LIMIT_PATIENCE).pollInterval(Duration.ofSeconds(2))
                .until(() -> (last[0] = call.get()).status() != 429);
        return last[0];
    }

    /** A visitor's session token and, once it has one, its conversation. */
    record Visitor(String token, Long conversationId) {
    }
}
