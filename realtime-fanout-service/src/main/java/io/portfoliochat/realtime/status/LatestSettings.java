package io.portfoliochat.realtime.status;

import io.portfoliochat.events.ChatSettings;
import io.portfoliochat.events.ChatSettingsChanged;
import io.portfoliochat.events.DomainEvent;
import io.portfoliochat.events.EventCodec;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The owner's latest chat settings, from the compacted settings topic (the defaults until it is read). */
final class LatestSettings {

    private static final Logger log = LoggerFactory.getLogger(LatestSettings.class);

    private final EventCodec codec;
    private volatile ChatSettings current = ChatSettings.defaults();

    LatestSettings(EventCodec codec) {
        this.codec = codec;
    }

    ChatSettings current() {
        return current;
    }

    void accept(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                continue;
            }
            try {
                DomainEvent event = codec.decode(record.value()).payload();
                if (event instanceof ChatSettingsChanged changed && changed.settings() != null) {
                    current = changed.settings();
                }
            } catch (RuntimeException e) {
                log.warn("Skipping record {}-{}@{} of the settings topic: not an event ({})", record.topic(),
                        record.partition(), record.offset(), e.getMessage());
            }
        }
    }
}
