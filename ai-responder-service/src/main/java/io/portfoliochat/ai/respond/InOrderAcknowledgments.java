package io.portfoliochat.ai.respond;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Acknowledges a partition's records in offset order although replies finish in any order: a record's
 * acknowledgement is passed to Kafka only once it and every earlier record of its partition are done, so
 * a committed offset never skips an unanswered visitor message. Unlike the container's async acks, the
 * consumer keeps fetching meanwhile: with async acks it fetched nothing until every record of the previous
 * poll was acknowledged, so each conversation's next message waited for the slowest reply of the batch.
 */
final class InOrderAcknowledgments {

    private final Map<TopicPartition, ArrayDeque<Pending>> pending = new HashMap<>();

    /** Registers a record, on the consumer thread in offset order. */
    synchronized Tracked track(ConsumerRecord<?, ?> record, Acknowledgment acknowledgment) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Pending entry = new Pending(acknowledgment);
        pending.computeIfAbsent(partition, p -> new ArrayDeque<>()).add(entry);
        return new Tracked(this, partition, entry);
    }

    /** A registered record. */
    record Tracked(InOrderAcknowledgments owner, TopicPartition partition, Pending entry) {

        /** It is handled (any thread): acknowledged once every earlier record of its partition is. */
        void done() {
            owner.done(partition, entry);
        }

        /**
         * Its handling failed and the container will deliver it again (registering it anew): it no longer
         * holds the records before it back, and is not acknowledged itself.
         */
        void forget() {
            owner.forget(partition, entry);
        }
    }

    /** Records registered and not yet passed to Kafka. */
    synchronized int outstanding() {
        return pending.values().stream().mapToInt(ArrayDeque::size).sum();
    }

    private synchronized void done(TopicPartition partition, Pending entry) {
        entry.done = true;
        acknowledgeDonePrefix(partition);
    }

    private synchronized void forget(TopicPartition partition, Pending entry) {
        pending.get(partition).remove(entry);
        acknowledgeDonePrefix(partition);
    }

    private void acknowledgeDonePrefix(TopicPartition partition) {
        ArrayDeque<Pending> queue = pending.get(partition);
        Pending last = null;
        while (!queue.isEmpty() && queue.peekFirst().done) {
            last = queue.pollFirst();
        }
        if (last != null) {
            // Committing an offset covers every record before it on the partition.
            last.acknowledgment.acknowledge();
        }
    }

    static final class Pending {
        private final Acknowledgment acknowledgment;
        private boolean done;

        private Pending(Acknowledgment acknowledgment) {
            this.acknowledgment = acknowledgment;
        }
    }
}
