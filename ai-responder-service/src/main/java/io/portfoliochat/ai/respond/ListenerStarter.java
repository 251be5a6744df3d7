package io.portfoliochat.ai.respond;

import io.portfoliochat.support.kafka.CompactedTopicView;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Starts consuming visitor messages only once the settings, portfolio and conversation-state
 * views have read everything that was on their topics: answering before that could reply in a
 * conversation the admin took over, or with an empty portfolio. Waits in the background, so the
 * service starts (and serves) while Kafka is still unreachable.
 */
class ListenerStarter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ListenerStarter.class);

    private final KafkaListenerEndpointRegistry registry;
    private final List<CompactedTopicView> views;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread waiter;

    ListenerStarter(KafkaListenerEndpointRegistry registry, List<CompactedTopicView> views) {
        this.registry = registry;
        this.views = List.copyOf(views);
    }

    @Override
    public void start() {
        running = true;
        waiter = new Thread(this::startWhenCaughtUp, "ai-listener-starter");
        waiter.setDaemon(true);
        waiter.start();
    }

    private void startWhenCaughtUp() {
        try {
            for (CompactedTopicView view : views) {
                while (running && !view.awaitCaughtUp(Duration.ofSeconds(5))) {
                    log.info("Waiting for {} to be read before answering visitors", view.topic());
                }
            }
            if (!running) {
                return;
            }
            MessageListenerContainer container = registry.getListenerContainer(ConversationEventsListener.ID);
            if (container != null) {
                container.start();
                listening = true;
                log.info("State loaded from {}; answering visitor messages", views.stream().map(CompactedTopicView::topic).toList());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True once the state is loaded and visitor messages are being consumed. */
    boolean listening() {
        return listening;
    }

    @Override
    public void stop() {
        running = false;
        if (waiter != null) {
            waiter.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
