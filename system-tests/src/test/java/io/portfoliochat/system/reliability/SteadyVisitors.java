package io.portfoliochat.system.reliability;

import io.portfoliochat.testsupport.TestHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Visitors chatting at a steady pace through the gateway, behaving like the real UI: every message
 * has a client message id, and a send that fails (connection refused, 5xx, 429) is retried with the
 * same id until it is accepted. Records what was accepted and what the clients went through.
 */
final class SteadyVisitors implements AutoCloseable {

    /** A message the system answered 201 for. */
    record Accepted(String clientMessageId, long messageId, long conversationId, long acceptedAtMillis) {
    }

    private final TestHttp gateway;
    private final Duration pause;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final AtomicInteger retries = new AtomicInteger();
    private final List<String> abandoned = new CopyOnWriteArrayList<>();

    private SteadyVisitors(TestHttp gateway, Duration pause) {
        this.gateway = gateway;
        this.pause = pause;
    }

    /** {@code visitors} sessions, each sending a question, waiting {@code pause}, and so on. */
    static SteadyVisitors start(TestHttp gateway, int visitors, Duration pause) {
        SteadyVisitors load = new SteadyVisitors(gateway, pause);
        for (int i = 0; i < visitors; i++) {
            int visitor = i;
            Thread thread = new Thread(() -> load.chat(visitor), "visitor-" + i);
            thread.setDaemon(true);
            load.threads.add(thread);
            thread.start();
        }
        return load;
    }

    private void chat(int visitor) {
        String token = null;
        int sequence = 0;
        while (running.get()) {
            if (token == null) {
                token = newSession();
                if (token == null) {
                    pause(Duration.ofSeconds(1));
                    continue;
                }
            }
            sequence++;
            String clientMessageId = "v" + visitor + "-" + sequence;
            String question = QUESTIONS[(visitor + sequence) % QUESTIONS.length];
            if (!sendUntilAccepted(token, clientMessageId, question + " (" + clientMessageId + ")")) {
                abandoned.add(clientMessageId);
            }
            pause(pause);
        }
    }

    private static final String[] QUESTIONS = {
            "Where are you based?", "What is your tech stack?", "Which projects have you built?",
            "Apa pengalaman kerja kamu?", "What are your hobbies?"};

    private String newSession() {
        try {
            TestHttp.Response session = gateway.postJson("/api/chat/session", "{}");
            if (session.status() == 200) {
                return session.data().get("sessionToken").asString();
            }
            failed("session " + session.status());
        } catch (RuntimeException e) {
            failed("session connection");
        }
        return null;
    }

    /** Retries like a client on a bad connection: same id, until accepted or for two minutes. */
    private boolean sendUntilAccepted(String token, String clientMessageId, String content) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        boolean first = true;
        while (System.nanoTime() < deadline) {
            if (!first) {
                retries.incrementAndGet();
            }
            first = false;
            try {
                TestHttp.Response response = gateway.postJson("/api/chat/send",
                        Map.of("content", content, "clientMessageId", clientMessageId), "X-Session-Token", token);
                if (response.status() == 201) {
                    accepted.add(new Accepted(clientMessageId, response.data().get("messageId").asLong(),
                            response.data().get("conversationId").asLong(), System.currentTimeMillis()));
                    return true;
                }
                failed("send " + response.status());
                long retryAfter = response.header("Retry-After").map(Long::parseLong).orElse(1L);
                pause(Duration.ofSeconds(Math.min(retryAfter, 10)));
            } catch (RuntimeException e) {
                failed("send connection");
                pause(Duration.ofSeconds(1));
            }
        }
        return false;
    }

    private void failed(String what) {
        failures.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops sending new messages and waits for the ones in flight to be accepted or abandoned. */
    @Override
    public void close() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofMinutes(3).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    List<String> abandoned() {
        return List.copyOf(abandoned);
    }

    int retries() {
        return retries.get();
    }

    Map<String, Integer> failures() {
        Map<String, Integer> copy = new java.util.TreeMap<>();
        failures.forEach((what, count) -> copy.put(what, count.get()));
        return copy;
    }
}
