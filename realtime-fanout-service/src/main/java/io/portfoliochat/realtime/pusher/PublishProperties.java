package io.portfoliochat.realtime.pusher;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Publishing to Pusher (Pusher mode).
 *
 * @param maxBatchSize   events per {@code batch_events} call (Pusher allows 10)
 * @param maxAttempts    tries per call before the events are counted as failed
 * @param initialBackoff wait before the first retry; doubles up to {@code maxBackoff}
 * @param requestTimeout connect/read timeout of one API call
 * @param consumers      consumer threads of the shared group (at most the partition count)
 */
@ConfigurationProperties("portfoliochat.realtime.publish")
record PublishProperties(Integer maxBatchSize, Integer maxAttempts, Duration initialBackoff, Duration maxBackoff,
                         Duration requestTimeout, Integer consumers) {

    static final int PUSHER_MAX_BATCH = 10;

    PublishProperties {
        maxBatchSize = maxBatchSize == null ? PUSHER_MAX_BATCH : Math.max(1, Math.min(PUSHER_MAX_BATCH, maxBatchSize));
        maxAttempts = maxAttempts == null ? 4 : Math.max(1, maxAttempts);
        initialBackoff = initialBackoff == null ? Duration.ofMillis(200) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(3) : maxBackoff;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(5) : requestTimeout;
        consumers = consumers == null ? 1 : consumers;
    }
}
