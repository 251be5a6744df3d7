package io.portfoliochat.chat.events;

import io.portfoliochat.chat.conversation.ConversationRepository;
import io.portfoliochat.chat.message.MessageService;
import io.portfoliochat.events.AiHandedOff;
import io.portfoliochat.events.AiReplyGenerated;
import io.portfoliochat.events.ConversationUpdated;
import io.portfoliochat.events.DomainEvent;
import io.portfoliochat.events.EventCodec;
import io.portfoliochat.events.EventEnvelope;
import io.portfoliochat.events.EventHeaders;
import io.portfoliochat.events.EventTypes;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What chat-service takes from the conversation log: the AI's answers (to store as messages) and
 * admin-service's status/AI-handling decisions (its local view). Everything else, its own events
 * included, is not for it. One listener for the topic, so one consumer group sees every partition in order.
 */
@Component
class ConversationEventsListener {

    private static final Set<String> HANDLED_TYPES =
            Set.of(EventTypes.AI_REPLY_GENERATED, EventTypes.AI_HANDED_OFF, EventTypes.CONVERSATION_UPDATED);

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
        Header type = record.headers().lastHeader(EventHeaders.EVENT_TYPE);
        if (type != null && !HANDLED_TYPES.contains(new String(type.value(), StandardCharsets.UTF_8))) {
            // Most of the topic is not for chat-service (its own messages, typing): skipped without parsing the JSON.
            return;
        }
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
