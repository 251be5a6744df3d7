package io.portfoliochat.ai.history;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Visitor message ids that already have an answer (from this instance, or seen on the topic from
 * another), so a redelivered message is not answered twice. Bounded, least recently seen first out.
 */
public class AnsweredMessages {

    private final Map<Long, Boolean> answered;

    public AnsweredMessages(int capacity) {
        this.answered = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void markAnswered(Collection<Long> messageIds) {
        messageIds.forEach(id -> answered.put(id, Boolean.TRUE));
    }

    public synchronized boolean isAnswered(long messageId) {
        return answered.containsKey(messageId);
    }
}
