package io.portfoliochat.support.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param replicationFactor replicas of every topic this service creates (1 for a single broker)
 * @param retryBackoff      wait between redeliveries of a record whose handling failed
 * @param retryAttempts     redeliveries before the record goes to the dead-letter topic
 * @param topicPrefix       prepended to every topic and consumer group (empty by default)
 */
@ConfigurationProperties("portfoliochat.kafka")
public record KafkaSupportProperties(Short replicationFactor, Duration retryBackoff, Integer retryAttempts,
                                     String topicPrefix) {

    public KafkaSupportProperties {
        topicPrefix = topicPrefix == null ? "" : topicPrefix;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        retryBackoff = retryBackoff == null ? Duration.ofMillis(500) : retryBackoff;
        retryAttempts = retryAttempts == null ? 3 : retryAttempts;
    }
}
