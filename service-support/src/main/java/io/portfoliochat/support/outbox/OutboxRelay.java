package io.portfoliochat.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.portfoliochat.support.kafka.EventPublisher;
import io.portfoliochat.support.kafka.TopicNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Publishes outbox rows to Kafka in id order, deleting each once Kafka acknowledged it.
 *
 * <ul>
 *   <li><b>Fast</b>: woken right after a commit, so an event is on Kafka milliseconds later; it also
 *       polls, for rows of a crashed round or a restart.</li>
 *   <li><b>Ordered</b>: one relay per database at a time (a MySQL named lock elects it), rows in id
 *       order, and a failed row blocks the ones after it: within a conversation, ids follow commit
 *       order because writers lock the conversation row first.</li>
 *   <li><b>Never loses, may repeat</b>: while Kafka is down nothing is deleted and the relay backs
 *       off; after a partial failure the rest of the batch is sent again. Consumers de-duplicate by
 *       event id: at-least-once on the wire, exactly-once in effect.</li>
 * </ul>
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int RESET_PRODUCER_AFTER_FAILURES = 3;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final EventPublisher publisher;
    private final TopicNames topicNames;
    private final OutboxProperties properties;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Counter published;
    private final Counter failures;
    private final Timer delay;

    private volatile boolean running;
    private Thread worker;
    private Connection lockConnection;
    private String lockName;
    private long leadershipConfirmedAt;

    public OutboxRelay(DataSource dataSource, EventPublisher publisher, TopicNames topicNames,
                       OutboxProperties properties, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.publisher = publisher;
        this.topicNames = topicNames;
        this.properties = properties;
        this.published = meters == null ? null : Counter.builder("outbox.published")
                .description("Outbox events acknowledged by Kafka").register(meters);
        this.failures = meters == null ? null : Counter.builder("outbox.publish.failures")
                .description("Outbox rounds that failed to publish").register(meters);
        this.delay = meters == null ? null : Timer.builder("outbox.delay")
                .description("From the commit of an event to Kafka's acknowledgement")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
        if (meters != null) {
            meters.gauge("outbox.backlog", this, relay -> relay.backlog());
        }
    }

    /** Called after a transaction that wrote outbox rows commits. */
    public void wakeUp() {
        wakeUps.release();
    }

    /** Rows not yet acknowledged by Kafka. */
    public long backlog() {
        try {
            return jdbc.sql("SELECT COUNT(*) FROM outbox_event").query(Long.class).single();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        if (worker != null) {
            try {
                worker.join(properties.sendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        releaseLeadership();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        int failuresInARow = 0;
        while (running) {
            try {
                if (!backoff.isZero()) {
                    sleep(backoff);
                } else {
                    wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
                if (!running) {
                    break;
                }
                if (!holdsLeadership()) {
                    backoff = properties.pollInterval();
                    continue;
                }
                boolean more = true;
                while (more && running) {
                    more = publishBatch();
                }
                backoff = Duration.ZERO;
                failuresInARow = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (failures != null) {
                    failures.increment();
                }
                if (++failuresInARow % RESET_PRODUCER_AFTER_FAILURES == 0) {
                    publisher.resetProducer();
                }
                backoff = backoff.isZero() ? Duration.ofMillis(200) : min(backoff.multipliedBy(2), properties.maxBackoff());
                log.warn("Outbox relay could not publish (retrying in {} ms): {}", backoff.toMillis(), e.getMessage());
            }
        }
    }

    /** Publishes one batch; true when the batch was full (more rows may be waiting). */
    boolean publishBatch() {
        List<Row> rows = jdbc.sql("""
                        SELECT id, event_id, topic, event_key, event_type, payload, correlation_id, created_at
                        FROM outbox_event ORDER BY id LIMIT :limit""")
                .param("limit", properties.batchSize())
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("event_id"), rs.getString("topic"),
                        rs.getString("event_key"), rs.getString("event_type"), rs.getBytes("payload"),
                        rs.getString("correlation_id"), rs.getObject("created_at", LocalDateTime.class)))
                .list();
        if (rows.isEmpty()) {
            return false;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            sends.add(publisher.send(topicNames.physical(row.topic()), row.key(), row.payload(), row.eventId(),
                    row.type(), row.correlationId()));
        }
        int acknowledged = 0;
        RuntimeException failure = null;
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        for (CompletableFuture<?> send : sends) {
            try {
                send.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted while waiting for Kafka", e);
                break;
            } catch (Exception e) {
                failure = new IllegalStateException(rootMessage(e), e);
                break;
            }
        }
        List<Row> done = rows.subList(0, acknowledged);
        delete(done);
        record(done);
        if (failure != null) {
            Row blocked = rows.get(acknowledged);
            jdbc.sql("UPDATE outbox_event SET attempts = attempts + 1, last_error = :error WHERE id = :id")
                    .param("error", truncate(failure.getMessage(), 500))
                    .param("id", blocked.id())
                    .update();
            throw failure;
        }
        return rows.size() == properties.batchSize();
    }

    private void delete(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM outbox_event WHERE id IN (:ids)")
                .param("ids", rows.stream().map(Row::id).toList())
                .update();
    }

    private void record(List<Row> rows) {
        if (published != null) {
            published.increment(rows.size());
        }
        if (delay != null) {
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            rows.forEach(row -> delay.record(Duration.between(row.createdAt(), now)));
        }
    }

    /**
     * One relay per database: whoever holds the named lock on a connection it keeps open. That connection is
     * pinged at most once per poll interval: a ping every round was a third of the relay's database round trips
     * under load (docs/benchmarks.md).
     */
    private boolean holdsLeadership() {
        try {
            if (lockConnection != null && System.nanoTime() - leadershipConfirmedAt < properties.pollInterval().toNanos()) {
                return true;
            }
            if (lockConnection != null && lockConnection.isValid(2)) {
                leadershipConfirmedAt = System.nanoTime();
                return true;
            }
            releaseLeadership();
            Connection connection = dataSource.getConnection();
            try (PreparedStatement name = connection.prepareStatement("SELECT DATABASE()");
                 ResultSet rs = name.executeQuery()) {
                rs.next();
                lockName = truncate("outbox-relay:" + rs.getString(1), 64);
            }
            try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
                lock.setString(1, lockName);
                try (ResultSet rs = lock.executeQuery()) {
                    if (rs.next() && rs.getInt(1) == 1) {
                        lockConnection = connection;
                        leadershipConfirmedAt = System.nanoTime();
                        log.info("This instance now relays the outbox ({})", lockName);
                        return true;
                    }
                }
            }
            connection.close();
            return false;
        } catch (SQLException e) {
            releaseLeadership();
            throw new IllegalStateException("outbox leadership check failed: " + e.getMessage(), e);
        }
    }

    private void releaseLeadership() {
        if (lockConnection != null) {
            try {
                lockConnection.close();
            } catch (SQLException ignored) {
                // closing the connection releases the lock either way
            }
            lockConnection = null;
        }
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private record Row(long id, String eventId, String topic, String key, String type, byte[] payload,
                       String correlationId, LocalDateTime createdAt) {
    }
}
