package io.portfoliochat.support.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.portfoliochat.events.EventCodec;
import io.portfoliochat.support.kafka.EventPublisher;
import io.portfoliochat.support.kafka.KafkaSupportAutoConfiguration;
import io.portfoliochat.support.kafka.TopicNames;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/** The transactional outbox and the idempotent-consumer table, for services that own a database. */
@AutoConfiguration(after = KafkaSupportAutoConfiguration.class,
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({JdbcClient.class, KafkaTemplate.class})
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(name = "portfoliochat.outbox.enabled", matchIfMissing = true)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    OutboxRelay outboxRelay(DataSource dataSource, EventPublisher publisher, TopicNames topicNames,
                            OutboxProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(dataSource, publisher, topicNames, properties, meters.getIfAvailable());
    }

    @Bean
    Outbox outbox(DataSource dataSource, EventCodec codec, OutboxRelay relay) {
        return new Outbox(JdbcClient.create(dataSource), codec, relay);
    }

    @Bean
    ProcessedEvents processedEvents(DataSource dataSource) {
        return new ProcessedEvents(JdbcClient.create(dataSource));
    }
}
