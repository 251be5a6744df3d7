package io.portfoliochat.chat.events;

import io.portfoliochat.chat.conversation.ConversationRepository;
import io.portfoliochat.chat.message.MessageService;
import io.portfoliochat.events.AiHandedOff;
import io.portfoliochat.events.AiReplyGenerated;
import io.portfoliochat.events.ConversationUpdated;
import io.portfoliochat.events.DomainEvent;
import io.portfoliochat.events.EventCodec;
import io.portfoliochat.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What chat-service takes from the conversation log: the AI's answers (to store as messages) and
 * admin-service's status/AI-handling decisions (its local view). Everything else, its own events
 * included, is not for it. One listener for the topic, so one consumer group sees every partition in order.
 */
@Component
class ConversationEventsListener {

    private final EventCodec codec;
    private final MessageService messages;
    private final ConversationRepository conversations;

    ConversationEventsListener(EventCodec codec, MessageService messages, ConversationRepository conversations) {
        this.codec = codec;
        this.messages = messages;
        this.conversations = conversations;
    }

    @KafkaListener(topics = "#{@topicNames.conversationEvents()}", groupId = "#{@topicNames.group('chat-service')}")
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<DomainEvent> envelope = codec.decode(record.value());
        DomainEvent event = envelope.payload();
        if (event instanceof AiReplyGenerated reply) {
            messages.storeAiAnswer(envelope.eventId(), reply);
        } else if (event instanceof AiHandedOff handOff) {
            messages.storeAiHandOff(envelope.eventId(), handOff);
        } else if (event instanceof ConversationUpdated update && update.status() != null) {
            conversations.applyControl(update.conversationId(), update.status(), update.aiHandled(), update.updatedAt());
        }
    }
}
