package io.portfoliochat.realtime.fanout;

import io.micrometer.core.instrument.MeterRegistry;
import io.portfoliochat.events.EventCodec;
import io.portfoliochat.realtime.mode.ConditionalOnRealtimeMode;
import io.portfoliochat.realtime.mode.RealtimeMode;
import io.portfoliochat.realtime.mode.RealtimeProperties;
import io.portfoliochat.support.kafka.TopicNames;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;

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

    /** Pusher mode's batch listener; the shared record-at-a-time acknowledgement does not apply to batches. */
    @Bean
    @ConditionalOnRealtimeMode(RealtimeMode.PUSHER)
    ConcurrentKafkaListenerContainerFactory<Object, Object> batchListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        return factory;
    }

    @Bean
    @ConditionalOnRealtimeMode(RealtimeMode.SELF_HOSTED)
    LiveTopicReader selfHostedEventsReader(TopicNames topicNames, KafkaProperties kafka, EventFanout fanout) {
        return new LiveTopicReader("realtime-events-reader",
                List.of(topicNames.conversationEvents(), topicNames.settings()),
                kafka.buildConsumerProperties(), Instant.now(), fanout::handle);
    }
}
