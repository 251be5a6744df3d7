package io.portfoliochat.realtime.status;

import io.portfoliochat.events.EventCodec;
import io.portfoliochat.realtime.fanout.LiveTopicReader;
import io.portfoliochat.realtime.mode.ConditionalOnRealtimeMode;
import io.portfoliochat.realtime.mode.RealtimeMode;
import io.portfoliochat.support.kafka.TopicNames;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OwnerStatusConfiguration {

    @Bean
    LatestSettings latestSettings(EventCodec codec) {
        return new LatestSettings(codec);
    }

    /** The whole compacted settings topic from its beginning, then every change: the latest settings win. */
    @Bean
    LiveTopicReader settingsReader(TopicNames topicNames, KafkaProperties kafka, LatestSettings settings) {
        return new LiveTopicReader("realtime-settings-reader", List.of(topicNames.settings()),
                kafka.buildConsumerProperties(), Instant.EPOCH, settings::accept);
    }

    /** Pusher mode: presence lives at Pusher; the status leaves ownerOnline out rather than guess. */
    @Bean
    @ConditionalOnRealtimeMode(RealtimeMode.PUSHER)
    OwnerPresence unknownOwnerPresence() {
        return () -> null;
    }
}
