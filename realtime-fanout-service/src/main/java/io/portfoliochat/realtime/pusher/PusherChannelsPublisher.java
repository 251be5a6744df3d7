package io.portfoliochat.realtime.pusher;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Event;
import com.pusher.rest.data.Result;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.portfoliochat.realtime.fanout.ChannelEvent;
import io.portfoliochat.realtime.fanout.RealtimePublisher;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pusher mode: publishes with pusher-http-java, up to ten events per {@code batch_events} call, in
 * order. Transient failures (network, 5xx) are retried with exponential backoff; what still fails is
 * counted and logged, not retried forever: a live update minutes late is worth little, the message
 * itself is stored, and clients fetch what they missed (they see the gap in {@code seq}).
 */
final class PusherChannelsPublisher implements RealtimePublisher {

    private static final Logger log = LoggerFactory.getLogger(PusherChannelsPublisher.class);

    private final Pusher pusher;
    private final PublishProperties properties;
    private final Counter published;
    private final MeterRegistry meters;

    PusherChannelsPublisher(Pusher pusher, PublishProperties properties, MeterRegistry meters) {
        this.pusher = pusher;
        this.properties = properties;
        this.meters = meters;
        this.published = Counter.builder("realtime.published").tag("mode", "pusher")
                .description("Events published to channels").register(meters);
    }

    @Override
    public void publish(List<ChannelEvent> events) {
        for (int start = 0; start < events.size(); start += properties.maxBatchSize()) {
            send(events.subList(start, Math.min(events.size(), start + properties.maxBatchSize())));
        }
    }

    private void send(List<ChannelEvent> batch) {
        Duration backoff = properties.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            Result result = call(batch);
            if (result.getStatus() == Result.Status.SUCCESS) {
                published.increment(batch.size());
                return;
            }
            boolean retry = result.getStatus().shouldRetry() && attempt < properties.maxAttempts();
            log.warn("Publishing {} event(s) to Pusher failed (attempt {}/{}): {} {} {}", batch.size(), attempt,
                    properties.maxAttempts(), result.getStatus(), result.getHttpStatus(), result.getMessage());
            if (!retry) {
                failed(batch, result);
                return;
            }
            if (!pause(backoff)) {
                failed(batch, result);
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : backoff.multipliedBy(2);
        }
    }

    private Result call(List<ChannelEvent> batch) {
        try {
            if (batch.size() == 1) {
                ChannelEvent event = batch.get(0);
                return pusher.trigger(event.channel(), event.name(), event.data());
            }
            return pusher.trigger(batch.stream().map(event -> new Event(event.channel(), event.name(), event.data())).toList());
        } catch (RuntimeException e) {
            return Result.fromThrowable(e);
        }
    }

    private void failed(List<ChannelEvent> batch, Result result) {
        Counter.builder("realtime.publish.failures").tag("mode", "pusher").tag("reason", result.getStatus().name())
                .description("Events that could not be published").register(meters).increment(batch.size());
        log.error("Gave up publishing {} event(s) to Pusher ({}): {}", batch.size(), result.getStatus(),
                batch.stream().map(event -> event.name() + "@" + event.channel()).toList());
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
