package io.portfoliochat.support.kafka;

import io.portfoliochat.events.Topics;

/**
 * The physical topic and consumer-group names of this deployment: the logical names of
 * {@link Topics} behind an optional prefix ({@code portfoliochat.kafka.topic-prefix}), so several
 * environments (or test classes) can share one Kafka cluster without seeing each other's events.
 * Listeners refer to it by bean name, e.g. {@code topics = "#{@topicNames.conversationEvents()}"}.
 */
public record TopicNames(String prefix) {

    public TopicNames {
        prefix = prefix == null ? "" : prefix;
    }

    public String physical(String logicalTopic) {
        return prefix + logicalTopic;
    }

    public String conversationEvents() {
        return physical(Topics.CONVERSATION_EVENTS);
    }

    public String conversationState() {
        return physical(Topics.CONVERSATION_STATE);
    }

    public String settings() {
        return physical(Topics.SETTINGS);
    }

    public String portfolio() {
        return physical(Topics.PORTFOLIO);
    }

    /** A consumer group of this deployment, e.g. {@code group("chat-service")}. */
    public String group(String service) {
        return prefix + service;
    }
}
