package io.portfoliochat.realtime.fanout;

import io.portfoliochat.realtime.mode.ConditionalOnRealtimeMode;
import io.portfoliochat.realtime.mode.RealtimeMode;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Pusher mode: the instances share one consumer group, so each event goes to Pusher once. Records come
 * in batches so several ready events are published in one {@code batch_events} call; a partition is
 * handled by one thread in order, which keeps every conversation's order. A new group starts at the
 * end: old events are not replayed to live clients.
 */
@Component
@ConditionalOnRealtimeMode(RealtimeMode.PUSHER)
class PusherModeEventsListener {

    static final String LISTENER_ID = "realtime-fanout-pusher";

    private final EventFanout fanout;

    PusherModeEventsListener(EventFanout fanout) {
        this.fanout = fanout;
    }

    @KafkaListener(id = LISTENER_ID,
            topics = {"#{@topicNames.conversationEvents()}", "#{@topicNames.settings()}"},
            groupId = "#{@topicNames.group('realtime-fanout')}",
            containerFactory = "batchListenerContainerFactory",
            concurrency = "${portfoliochat.realtime.publish.consumers:1}",
            properties = {"auto.offset.reset=latest", "allow.auto.create.topics=false"})
    void onEvents(List<ConsumerRecord<String, byte[]>> records) {
        fanout.handle(records);
    }
}
