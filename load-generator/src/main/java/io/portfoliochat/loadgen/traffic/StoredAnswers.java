package io.portfoliochat.loadgen.traffic;

import io.portfoliochat.loadgen.WallClock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Which stored AI message answers which visitor message, read back after the run from the conversations
 * (an AI message's metadata lists the visitor messages it answers in {@code inReplyTo}; the pushed
 * {@code new-message} does not), plus what must never be there: a client message id stored twice, a visitor
 * message answered twice.
 */
public final class StoredAnswers {

    private final Map<Long, Answer> answerByVisitorMessage = new ConcurrentHashMap<>();
    private final AtomicLong aiMessages = new AtomicLong();
    private final AtomicLong handOffs = new AtomicLong();
    private final AtomicLong duplicateClientMessageIds = new AtomicLong();
    private final AtomicLong answeredTwice = new AtomicLong();

    private StoredAnswers() {
    }

    public static StoredAnswers read(GatewayClient api, Participant admin, List<Participant> visitors) {
        StoredAnswers answers = new StoredAnswers();
        ExecutorService readers = Executors.newFixedThreadPool(8);
        try {
            CompletableFuture.allOf(visitors.stream()
                    .map(visitor -> CompletableFuture.runAsync(
                            () -> answers.add(api.allMessages(admin.credentials(), visitor.conversationId())), readers))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            readers.shutdown();
        }
        return answers;
    }

    private void add(List<JsonNode> messages) {
        Set<String> clientMessageIds = new HashSet<>();
        Map<Long, Integer> answers = new HashMap<>();
        for (JsonNode message : messages) {
            JsonNode clientMessageId = message.path("clientMessageId");
            if (clientMessageId.isString() && !clientMessageIds.add(clientMessageId.asString())) {
                duplicateClientMessageIds.incrementAndGet();
            }
            if (!"ai".equals(message.path("senderType").asString())) {
                continue;
            }
            aiMessages.incrementAndGet();
            JsonNode metadata = message.path("metadata");
            if (metadata.path("handOff").asBoolean(false)) {
                handOffs.incrementAndGet();
            }
            Answer answer = new Answer(message.get("id").asLong(),
                    WallClock.micros(Instant.parse(message.get("createdAt").asString())));
            for (JsonNode answered : metadata.path("inReplyTo")) {
                answerByVisitorMessage.putIfAbsent(answered.asLong(), answer);
                if (answers.merge(answered.asLong(), 1, Integer::sum) == 2) {
                    answeredTwice.incrementAndGet();
                }
            }
        }
    }

    /** The stored AI message answering this visitor message, or null. */
    public Answer answerTo(long visitorMessageId) {
        return answerByVisitorMessage.get(visitorMessageId);
    }

    public long aiMessages() {
        return aiMessages.get();
    }

    public long handOffs() {
        return handOffs.get();
    }

    public long duplicateClientMessageIds() {
        return duplicateClientMessageIds.get();
    }

    public long answeredTwice() {
        return answeredTwice.get();
    }

    /** @param createdAt wall-clock microseconds when chat-service stored the answer */
    public record Answer(long messageId, long createdAt) {
    }
}
