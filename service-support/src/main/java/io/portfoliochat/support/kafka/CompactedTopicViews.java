package io.portfoliochat.support.kafka;

import io.portfoliochat.events.EventCodec;
import java.util.Map;

/** Creates {@link CompactedTopicView}s with this service's Kafka connection settings. */
public class CompactedTopicViews {

    private final Map<String, Object> consumerProperties;
    private final EventCodec codec;

    public CompactedTopicViews(Map<String, Object> consumerProperties, EventCodec codec) {
        this.consumerProperties = Map.copyOf(consumerProperties);
        this.codec = codec;
    }

    /** A view of a physical topic, e.g. {@code views.of(topicNames.settings())}; declare it as a bean so it starts. */
    public CompactedTopicView of(String physicalTopic) {
        return new CompactedTopicView(physicalTopic, consumerProperties, codec);
    }
}
