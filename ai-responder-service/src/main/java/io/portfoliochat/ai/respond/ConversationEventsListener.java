package io.portfoliochat.ai.respond;

import io.portfoliochat.ai.history.AnsweredMessages;
import io.portfoliochat.ai.history.ConversationHistory;
import io.portfoliochat.ai.state.AiState;
import io.portfoliochat.events.AiHandedOff;
import io.portfoliochat.events.AiReplyGenerated;
import io.portfoliochat.events.ConversationUpdated;
import io.portfoliochat.events.DomainEvent;
import io.portfoliochat.events.EventCodec;
import io.portfoliochat.events.MessageCreated;
import io.portfoliochat.events.SenderType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Follows the conversation topic in the {@code ai-responder} group (instances share its
 * partitions; a conversation is one partition, so its order holds). Visitor messages go to their
 * conversation's lane and are acknowledged once answered; everything else only updates what the
 * assistant knows (history, take-overs, answers already given) and is acknowledged at once.
 */
class ConversationEventsListener {

    static final String ID = "ai-responder";

    private final EventCodec codec;
    private final AiState state;
    private final ConversationHistory history;
    private final AnsweredMessages answered;
    private final ConversationLanes lanes;
    private final InOrderAcknowledgments acknowledgments = new InOrderAcknowledgments();

    ConversationEventsListener(EventCodec codec, AiState state, ConversationHistory history, AnsweredMessages answered,
                               ConversationLanes lanes) {
        this.codec = codec;
        this.state = state;
        this.history = history;
        this.answered = answered;
        this.lanes = lanes;
    }

    @KafkaListener(id = ID, autoStartup = "false", topics = "#{@topicNames.conversationEvents()}",
            groupId = "#{@topicNames.group('ai-responder')}")
    void onEvent(ConsumerRecord<String, byte[]> record, Acknowledgment acknowledgment) {
        InOrderAcknowledgments.Tracked tracked = acknowledgments.track(record, acknowledgment);
        try {
            handle(record, tracked);
        } catch (RuntimeException e) {
            tracked.forget();
            throw e;
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record, InOrderAcknowledgments.Tracked tracked) {
        DomainEvent event = codec.decode(record.value()).payload();
        if (event instanceof MessageCreated message) {
            history.record(message);
            if (message.seq() == 1) {
                history.startedHere(message.conversationId());
            }
            if (message.senderType() == SenderType.VISITOR && !answered.isAnswered(message.messageId())) {
                lanes.enqueue(message.conversationId(),
                        new VisitorMessage(message.messageId(), message.seq(), message.content()), tracked::done);
                return;
            }
            if (message.senderType() == SenderType.AI) {
                answered.markAnswered(message.inReplyTo());
            }
        } else if (event instanceof ConversationUpdated update) {
            state.applyConversation(update);
        } else if (event instanceof AiReplyGenerated reply) {
            answered.markAnswered(reply.inReplyTo());
            history.recordOwnReply(reply.conversationId(), reply.inReplyTo());
        } else if (event instanceof AiHandedOff handOff) {
            answered.markAnswered(handOff.inReplyTo());
        }
        // Other conversation events (typing, chunks, reads, starts) and unknown types need nothing.
        tracked.done();
    }
}
