package io.portfoliochat.realtime.fanout;

import io.micrometer.core.instrument.MeterRegistry;
import io.portfoliochat.events.EventCodec;
import io.portfoliochat.realtime.mode.ConditionalOnRealtimeMode;
import io.portfoliochat.realtime.mode.RealtimeMode;
import io.portfoliochat.realtime.mode.RealtimeProperties;
import io.portfoliochat.support.kafka.TopicNames;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How events reach the fan-out. Self-hosted: every instance reads every partition itself (its sockets
 * need every event), from the moment it started. Pusher mode: one shared consumer group, so each event
 * is pushed to Pusher once (see {@link PusherModeEventsListener}).
 */
@Configuration(proxyBeanMethods = false)
class FanoutConfiguration {

    @Bean
    ChannelEventMapper channelEventMapper(EventCodec codec, RealtimeProperties properties) {
        return new ChannelEventMapper(codec.mapper(), properties.maxEventBytes());
    }

    @Bean
    EventFanout eventFanout(EventCodec codec, ChannelEventMapper mapper, RealtimePublisher publisher, MeterRegistry meters) {
        return new EventFanout(codec, mapper, publisher, meters);
    }

    @Bean
    @ConditionalOnRealtimeMode(RealtimeMode.SELF_HOSTED)
    LiveTopicReader selfHostedEventsReader(TopicNames topicNames, KafkaProperties kafka, EventFanout fanout) {
        return new LiveTopicReader("realtime-events-reader",
                List.of(topicNames.conversationEvents(), topicNames.settings()),
                kafka.buildConsumerProperties(), Instant.now(), fanout::handle);
    }
}
