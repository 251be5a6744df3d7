package io.portfoliochat.ai.respond;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * One lane per conversation on a bounded pool of workers: a conversation's work runs one piece
 * at a time, in arrival order, while other conversations go on in parallel, so a slow model call
 * never holds up the Kafka consumer or anyone else's conversation. Visitor messages that arrive
 * within the burst window (or while a reply is being written) are answered together. A message's
 * acknowledgement runs only once its outcome is on the topic.
 */
class ConversationLanes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConversationLanes.class);

    private final Duration burstWindow;
    private final BiConsumer<Long, List<VisitorMessage>> answerer;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final Semaphore capacity;
    private final Map<Long, Lane> lanes = new HashMap<>();
    private volatile boolean running;

    ConversationLanes(int workers, int maxPendingMessages, Duration burstWindow, BiConsumer<Long, List<VisitorMessage>> answerer) {
        this.burstWindow = burstWindow;
        this.answerer = answerer;
        this.capacity = new Semaphore(maxPendingMessages);
        this.workers = Executors.newFixedThreadPool(workers, daemon("ai-reply-"));
        this.timers = Executors.newSingleThreadScheduledExecutor(daemon("ai-burst-timer-"));
    }

    /** Queues a visitor message; blocks while too many are pending (back-pressure on the consumer). */
    void enqueue(long conversationId, VisitorMessage message, Runnable acknowledge) {
        try {
            capacity.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        schedule(conversationId, new Item(message, acknowledge, null), burstWindow);
    }

    /** Runs a task in the conversation's lane, after what is already queued there. */
    <T> CompletableFuture<T> submit(long conversationId, Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        schedule(conversationId, new Item(null, null, () -> {
            try {
                result.complete(task.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }), Duration.ZERO);
        return result;
    }

    private void schedule(long conversationId, Item item, Duration delay) {
        synchronized (lanes) {
            Lane lane = lanes.computeIfAbsent(conversationId, Lane::new);
            lane.queue.add(item);
            if (!lane.active) {
                lane.active = true;
                if (delay.isZero()) {
                    workers.execute(() -> drain(lane));
                } else {
                    timers.schedule(() -> workers.execute(() -> drain(lane)), delay.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    private void drain(Lane lane) {
        while (true) {
            List<Item> batch = new ArrayList<>();
            Runnable task = null;
            synchronized (lanes) {
                while (!lane.queue.isEmpty()) {
                    Item next = lane.queue.peekFirst();
                    if (next.task() != null) {
                        if (batch.isEmpty()) {
                            task = lane.queue.pollFirst().task();
                        }
                        break;
                    }
                    batch.add(lane.queue.pollFirst());
                }
                if (batch.isEmpty() && task == null) {
                    lane.active = false;
                    lanes.remove(lane.conversationId);
                    return;
                }
            }
            if (task != null) {
                task.run();
            } else {
                answer(lane.conversationId, batch);
            }
        }
    }

    private void answer(long conversationId, List<Item> batch) {
        try {
            answerer.accept(conversationId, batch.stream().map(Item::message).toList());
            batch.forEach(item -> item.acknowledge().run());
        } catch (RuntimeException e) {
            // Left unacknowledged: the messages are delivered again after a restart or rebalance.
            log.error("Conversation {}: could not finish answering {}: {}", conversationId,
                    batch.stream().map(item -> item.message().messageId()).toList(), e.getMessage());
        } finally {
            capacity.release(batch.size());
        }
    }

    int pending() {
        synchronized (lanes) {
            return lanes.values().stream().mapToInt(lane -> lane.queue.size()).sum();
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Lets replies being written finish (within the shutdown phase); unanswered messages stay unacknowledged. */
    @Override
    public void stop() {
        running = false;
        timers.shutdown();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(15, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the Kafka listener (which stops at a higher phase), before the producer goes. */
    @Override
    public int getPhase() {
        return 0;
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        java.util.concurrent.atomic.AtomicInteger counter = new java.util.concurrent.atomic.AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private record Item(VisitorMessage message, Runnable acknowledge, Runnable task) {
    }

    private static final class Lane {
        private final long conversationId;
        private final Deque<Item> queue = new ArrayDeque<>();
        private boolean active;

        Lane(long conversationId) {
            this.conversationId = conversationId;
        }
    }
}
