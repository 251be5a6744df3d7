package io.portfoliochat.ai.respond;

import io.portfoliochat.events.ConversationEvent;
import io.portfoliochat.events.EventEnvelope;
import io.portfoliochat.support.kafka.EventPublisher;
import io.portfoliochat.support.kafka.TopicNames;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the assistant's events to the conversation topic, keyed by conversation id, and waits
 * for Kafka's acknowledgement: a visitor message counts as handled only once its outcome is on
 * the topic, and the events of one reply reach the topic in the order they were made.
 */
class ConversationEventsOut {

    private static final long SEND_TIMEOUT_SECONDS = 20;
    private static final Logger log = LoggerFactory.getLogger(ConversationEventsOut.class);

    private final EventPublisher publisher;
    private final TopicNames topics;

    ConversationEventsOut(EventPublisher publisher, TopicNames topics) {
        this.publisher = publisher;
        this.topics = topics;
    }

    void publish(ConversationEvent event) {
        try {
            publisher.publish(topics.conversationEvents(), EventEnvelope.wrap(event)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(event, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailedException(event, e);
        }
    }

    /**
     * Hands an event to the producer without waiting for Kafka: for the "typing" signal, which nothing waits on.
     * It still lands before whatever this instance publishes next for the conversation (one idempotent
     * producer, one partition), and the acknowledgement that matters is the reply's.
     */
    void publishWithoutWaiting(ConversationEvent event) {
        publisher.publish(topics.conversationEvents(), EventEnvelope.wrap(event)).whenComplete((sent, failure) -> {
            if (failure != null) {
                log.warn("Could not publish {} of conversation {}: {}", event.getClass().getSimpleName(), event.conversationId(),
                        failure.getMessage());
            }
        });
    }

    /** Kafka did not take an event; the visitor message stays unacknowledged and is delivered again. */
    static final class PublishFailedException extends RuntimeException {
        PublishFailedException(ConversationEvent event, Exception cause) {
            super("Could not publish " + event.getClass().getSimpleName() + " of conversation " + event.conversationId()
                    + ": " + cause.getMessage(), cause);
        }
    }
}
