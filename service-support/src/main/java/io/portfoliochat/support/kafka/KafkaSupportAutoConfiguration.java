package io.portfoliochat.support.kafka;

import io.portfoliochat.events.EventCodec;
import io.portfoliochat.events.EventDecodingException;
import io.portfoliochat.events.Topics;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka wiring every service shares: the codec, the publisher, the topics (created if missing),
 * and the error handler that retries a failing record a few times and then parks it on
 * {@code <topic>-dlt} with the reason in its headers, so the consumer keeps going.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(KafkaSupportProperties.class)
public class KafkaSupportAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaSupportAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(KafkaTemplate<String, byte[]> template, EventCodec codec) {
        return new EventPublisher(template, codec);
    }

    @Bean
    @ConditionalOnMissingBean
    TopicNames topicNames(KafkaSupportProperties properties) {
        return new TopicNames(properties.topicPrefix());
    }

    @Bean
    KafkaAdmin.NewTopics portfolioChatTopics(KafkaSupportProperties properties, TopicNames names) {
        NewTopic[] topics = Topics.all().stream().map(spec -> {
            TopicBuilder builder = TopicBuilder.name(names.physical(spec.name()))
                    .partitions(spec.partitions())
                    .replicas(properties.replicationFactor());
            if (spec.compacted()) {
                builder.compact().configs(Map.of(
                        TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0",
                        TopicConfig.SEGMENT_MS_CONFIG, "3600000"));
            }
            return builder.build();
        }).toArray(NewTopic[]::new);
        return new KafkaAdmin.NewTopics(topics);
    }

    @Bean
    @ConditionalOnMissingBean
    CompactedTopicViews compactedTopicViews(org.springframework.boot.kafka.autoconfigure.KafkaProperties kafkaProperties,
                                            EventCodec codec) {
        return new CompactedTopicViews(kafkaProperties.buildConsumerProperties(), codec);
    }

    @Bean
    TopicsInitializer kafkaTopicsInitializer(KafkaAdmin admin) {
        return new TopicsInitializer(admin);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler deadLetteringErrorHandler(KafkaTemplate<String, byte[]> template, KafkaSupportProperties properties) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> {
                    log.error("Sending record {}-{}@{} to the dead-letter topic: {}", record.topic(), record.partition(),
                            record.offset(), exception.getMessage());
                    // A negative partition lets Kafka choose: dead-letter topics have fewer partitions.
                    return new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1);
                });
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(properties.retryBackoff().toMillis(), properties.retryAttempts()));
        handler.addNotRetryableExceptions(EventDecodingException.class);
        // The database restarting is not the record's fault: hold the partition's position and retry until
        // it is back (order kept), instead of dead-lettering a good event after a few attempts.
        handler.setBackOffFunction((record, exception) -> TransientFailures.isTransient(exception) ? untilRecovered() : null);
        return handler;
    }

    private static org.springframework.util.backoff.BackOff untilRecovered() {
        org.springframework.util.backoff.ExponentialBackOff backOff = new org.springframework.util.backoff.ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(5_000);
        return backOff;
    }

    @Bean
    @ConditionalOnMissingBean(RecordInterceptor.class)
    RecordInterceptor<String, byte[]> correlationIdRecordInterceptor() {
        return new CorrelationIdRecordInterceptor();
    }
}
