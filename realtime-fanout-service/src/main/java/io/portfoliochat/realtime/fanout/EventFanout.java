package io.portfoliochat.realtime.fanout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.portfoliochat.events.DomainEvent;
import io.portfoliochat.events.EventCodec;
import io.portfoliochat.events.EventEnvelope;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes the records of the conversation and settings topics and pushes what they mean to the clients,
 * in record order. A record that is not an event is logged and skipped here: the owning services'
 * consumers dead-letter it, and a read-only fan-out adding copies to the dead-letter topic (once per
 * self-hosted instance) would only add noise.
 */
final class EventFanout {

    private static final Logger log = LoggerFactory.getLogger(EventFanout.class);

    private final EventCodec codec;
    private final ChannelEventMapper mapper;
    private final RealtimePublisher publisher;
    private final Counter undecodable;

    EventFanout(EventCodec codec, ChannelEventMapper mapper, RealtimePublisher publisher, MeterRegistry meters) {
        this.codec = codec;
        this.mapper = mapper;
        this.publisher = publisher;
        this.undecodable = Counter.builder("realtime.events.undecodable")
                .description("Records on the event topics that were not event envelopes").register(meters);
    }

    void handle(List<ConsumerRecord<String, byte[]>> records) {
        List<ChannelEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                continue; // a tombstone on a compacted topic
            }
            EventEnvelope<DomainEvent> envelope;
            try {
                envelope = codec.decode(record.value());
            } catch (RuntimeException e) {
                undecodable.increment();
                log.error("Skipping record {}-{}@{}: not an event ({})", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
                continue;
            }
            events.addAll(mapper.map(envelope.payload()));
        }
        if (!events.isEmpty()) {
            publisher.publish(events);
        }
    }
}
