package io.portfoliochat.admin.conversation;

import io.portfoliochat.events.ConversationStarted;
import io.portfoliochat.events.DomainEvent;
import io.portfoliochat.events.EventCodec;
import io.portfoliochat.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Learns which conversations exist (to answer 404 for others) from chat-service's conversation.started. */
@Component
class ConversationStartedListener {

    private final EventCodec codec;
    private final ConversationControlService conversations;

    ConversationStartedListener(EventCodec codec, ConversationControlService conversations) {
        this.codec = codec;
        this.conversations = conversations;
    }

    @KafkaListener(topics = "#{@topicNames.conversationEvents()}", groupId = "#{@topicNames.group('admin-service')}")
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<DomainEvent> envelope = codec.decode(record.value());
        if (envelope.payload() instanceof ConversationStarted started) {
            conversations.register(envelope.eventId(), started);
        }
    }
}
