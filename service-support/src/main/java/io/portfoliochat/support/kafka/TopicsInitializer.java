package io.portfoliochat.support.kafka;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates the topics (with their partitions and compaction) without holding up start-up: one quick
 * try while the service starts, then retries in the background until the broker answers. A service
 * must be able to start, and accept work, while Kafka is down.
 */
class TopicsInitializer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicsInitializer.class);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(3);

    private final KafkaAdmin admin;
    private ScheduledExecutorService retries;
    private volatile boolean running;
    private volatile boolean created;

    TopicsInitializer(KafkaAdmin admin) {
        this.admin = admin;
    }

    @Override
    public void start() {
        running = true;
        if (tryCreate()) {
            return;
        }
        log.warn("Kafka is not reachable yet; topics will be created as soon as it is");
        retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kafka-topics-initializer");
            thread.setDaemon(true);
            return thread;
        });
        retries.scheduleWithFixedDelay(() -> {
            if (!created && tryCreate()) {
                log.info("Kafka topics are in place");
                retries.shutdown();
            }
        }, RETRY_EVERY.toMillis(), RETRY_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private boolean tryCreate() {
        try {
            created = admin.initialize();
        } catch (RuntimeException e) {
            created = false;
        }
        return created;
    }

    boolean topicsCreated() {
        return created;
    }

    @Override
    public void stop() {
        running = false;
        if (retries != null) {
            retries.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Early, before listener containers and the outbox relay start. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
