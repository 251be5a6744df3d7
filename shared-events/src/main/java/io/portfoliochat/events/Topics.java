package io.portfoliochat.events;

import java.util.List;

/**
 * Every Kafka topic of the system, its key and partitioning, in one place.
 *
 * <p>Everything that happens in a conversation goes to {@link #CONVERSATION_EVENTS} keyed by the
 * conversation id, whichever service produced it, so one partition holds the whole story of a
 * conversation in order. Latest-state topics are compacted so a service rebuilds its view on start
 * by reading them from the beginning.
 */
public final class Topics {

    /** All conversation-scoped events (messages, reads, status, AI typing/replies/hand-offs). Key: conversation id. */
    public static final String CONVERSATION_EVENTS = "chat.conversation-events";
    /** Compacted: the latest {@link ConversationUpdated} per conversation. Key: conversation id. */
    public static final String CONVERSATION_STATE = "chat.conversation-state";
    /** Compacted: the full chat settings after every change. Key: {@link #SETTINGS_KEY}. */
    public static final String SETTINGS = "chat.settings";
    /** Compacted: the full portfolio document after every change. Key: {@link #PORTFOLIO_KEY}. */
    public static final String PORTFOLIO = "chat.portfolio";

    /**
     * realtime-fanout-service instances pass HTTP-API publishes, client events and presence to each
     * other here (self-hosted mode); its records are that service's own, not event envelopes, and it
     * creates the topic itself (one partition, one hour of retention).
     */
    public static final String REALTIME_RELAY = "chat.realtime-relay";

    public static final String SETTINGS_KEY = "chat-settings";
    public static final String PORTFOLIO_KEY = "portfolio";
    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    /** Partitions of the conversation topic: the upper bound of parallel consumers per group. */
    public static final int CONVERSATION_PARTITIONS = 6;

    private Topics() {
    }

    public static String conversationKey(long conversationId) {
        return Long.toString(conversationId);
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** The topics every environment needs, with their partitioning and clean-up policy. */
    public static List<TopicSpec> all() {
        return List.of(
                new TopicSpec(CONVERSATION_EVENTS, CONVERSATION_PARTITIONS, false),
                new TopicSpec(CONVERSATION_STATE, CONVERSATION_PARTITIONS, true),
                new TopicSpec(SETTINGS, 1, true),
                new TopicSpec(PORTFOLIO, 1, true),
                new TopicSpec(deadLetter(CONVERSATION_EVENTS), 1, false),
                new TopicSpec(deadLetter(CONVERSATION_STATE), 1, false),
                new TopicSpec(deadLetter(SETTINGS), 1, false),
                new TopicSpec(deadLetter(PORTFOLIO), 1, false));
    }

    /** A topic's name, partition count and whether it is log-compacted. */
    public record TopicSpec(String name, int partitions, boolean compacted) {
    }
}
