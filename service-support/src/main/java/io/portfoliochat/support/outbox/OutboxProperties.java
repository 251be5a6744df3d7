package io.portfoliochat.support.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled      whether this service runs an outbox relay (services without a database don't)
 * @param pollInterval how often the relay looks for rows when nobody woke it up (rows of another
 *                     instance, or left from before a restart)
 * @param batchSize    rows published per round
 * @param maxBackoff   the longest wait between retries while Kafka is unreachable
 * @param sendTimeout  how long one round waits for Kafka's acknowledgements
 */
@ConfigurationProperties("portfoliochat.outbox")
public record OutboxProperties(Boolean enabled, Duration pollInterval, Integer batchSize, Duration maxBackoff,
                               Duration sendTimeout) {

    public OutboxProperties {
        enabled = enabled == null || enabled;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        batchSize = batchSize == null ? 500 : batchSize;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(5) : maxBackoff;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(30) : sendTimeout;
    }
}
