package io.portfoliochat.admin.conversation;

import io.portfoliochat.admin.web.PatchBody;
import io.portfoliochat.events.ConversationStarted;
import io.portfoliochat.events.ConversationStatus;
import io.portfoliochat.events.ConversationUpdated;
import io.portfoliochat.events.EventEnvelope;
import io.portfoliochat.events.Topics;
import io.portfoliochat.support.outbox.Outbox;
import io.portfoliochat.support.outbox.ProcessedEvents;
import io.portfoliochat.support.security.AdminPrincipal;
import io.portfoliochat.support.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ConversationControlService {

    static final String CONSUMER = "admin-service";
    static final String STATUS = "status";
    static final String AI_HANDLED = "isAiHandled";
    static final List<String> FIELDS = List.of(STATUS, AI_HANDLED);
    private static final String STATUSES = Arrays.stream(ConversationStatus.values())
            .map(ConversationStatus::wireName).collect(Collectors.joining(", "));

    private final ConversationControlRepository repository;
    private final ProcessedEvents processedEvents;
    private final Outbox outbox;
    private final Clock clock;

    ConversationControlService(ConversationControlRepository repository, ProcessedEvents processedEvents, Outbox outbox,
                               Clock clock) {
        this.repository = repository;
        this.processedEvents = processedEvents;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Learns of a conversation chat-service started; a redelivered event changes nothing. */
    @Transactional
    void register(UUID eventId, ConversationStarted started) {
        if (processedEvents.firstTime(CONSUMER, eventId)) {
            Instant startedAt = started.startedAt() == null ? clock.instant() : started.startedAt();
            repository.registerIfAbsent(started.conversationId(), LocalDateTime.ofInstant(startedAt, ZoneOffset.UTC));
        }
    }

    /**
     * Changes status and/or AI handling. When something changed, one {@link ConversationUpdated} goes to
     * the conversation topic (ordered with everything else of the conversation, so the AI sees the
     * take-over at its place in the story) and to the compacted state topic, in the same transaction.
     */
    @Transactional
    ConversationView change(long conversationId, PatchBody patch, AdminPrincipal admin) {
        ConversationStatus status = patch.has(STATUS) ? status(patch) : null;
        Boolean aiHandled = patch.has(AI_HANDLED) ? patch.bool(AI_HANDLED) : null;
        ConversationControl conversation = repository.lockById(conversationId)
                .orElseThrow(() -> ApiException.notFound("Conversation " + conversationId + " does not exist"));
        if (conversation.change(status, aiHandled, admin.displayName(), clock.instant().truncatedTo(ChronoUnit.MILLIS))) {
            EventEnvelope<ConversationUpdated> event = EventEnvelope.wrap(UUID.randomUUID(), conversation.updatedAt(),
                    new ConversationUpdated(conversationId, conversation.status(), conversation.aiHandled(),
                            admin.displayName(), conversation.updatedAt()));
            outbox.append(Topics.CONVERSATION_EVENTS, event);
            outbox.append(Topics.CONVERSATION_STATE, event);
        }
        return new ConversationView(conversationId, conversation.status(), conversation.aiHandled());
    }

    private static ConversationStatus status(PatchBody patch) {
        String value = patch.node(STATUS).isString() ? patch.node(STATUS).stringValue() : null;
        return ConversationStatus.fromWireName(value)
                .orElseThrow(() -> ApiException.badRequest("Field 'status' must be one of " + STATUSES));
    }
}
