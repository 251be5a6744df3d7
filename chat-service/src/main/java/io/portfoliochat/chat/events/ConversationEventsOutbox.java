package io.portfoliochat.chat.events;

import io.portfoliochat.events.ConversationEvent;
import io.portfoliochat.events.EventEnvelope;
import io.portfoliochat.events.Topics;
import io.portfoliochat.support.outbox.Outbox;
import org.springframework.stereotype.Component;

/** Everything chat-service announces goes to the conversation topic through the outbox, in the caller's transaction. */
@Component
public class ConversationEventsOutbox {

    private final Outbox outbox;

    ConversationEventsOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(ConversationEvent event) {
        outbox.append(Topics.CONVERSATION_EVENTS, EventEnvelope.wrap(event));
    }
}
