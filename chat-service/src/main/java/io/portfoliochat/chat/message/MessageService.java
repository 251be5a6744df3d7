package io.portfoliochat.chat.message;

import io.portfoliochat.chat.Times;
import io.portfoliochat.chat.conversation.Conversation;
import io.portfoliochat.chat.conversation.ConversationRepository;
import io.portfoliochat.chat.events.ConversationEventsOutbox;
import io.portfoliochat.chat.identity.Caller;
import io.portfoliochat.chat.session.VisitorSession;
import io.portfoliochat.chat.session.VisitorSessionRepository;
import io.portfoliochat.chat.settings.CurrentSettings;
import io.portfoliochat.events.AiHandedOff;
import io.portfoliochat.events.AiReplyGenerated;
import io.portfoliochat.events.AiReplyMetadata;
import io.portfoliochat.events.ConversationStarted;
import io.portfoliochat.events.HandOffReason;
import io.portfoliochat.events.MessageCreated;
import io.portfoliochat.events.MessagesRead;
import io.portfoliochat.events.SenderType;
import io.portfoliochat.support.outbox.ProcessedEvents;
import io.portfoliochat.support.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores messages. Every stored message and its {@code message.created} event are written in one
 * transaction (the event through the outbox), with the conversation row locked so sequence numbers
 * have no gaps and events leave in commit order.
 */
@Service
public class MessageService {

    static final String AI_SENDER_NAME = "AI Assistant";
    private static final String AI_ANSWERS_CONSUMER = "chat-service.ai-answers";
    private static final Logger log = LoggerFactory.getLogger(MessageService.class);

    private final MessageRepository messages;
    private final ConversationRepository conversations;
    private final VisitorSessionRepository sessions;
    private final ConversationEventsOutbox events;
    private final ProcessedEvents processedEvents;
    private final CurrentSettings settings;
    private final JsonMapper json;
    private final Clock clock;

    MessageService(MessageRepository messages, ConversationRepository conversations, VisitorSessionRepository sessions,
                   ConversationEventsOutbox events, ProcessedEvents processedEvents, CurrentSettings settings,
                   JsonMapper json, Clock clock) {
        this.messages = messages;
        this.conversations = conversations;
        this.sessions = sessions;
        this.events = events;
        this.processedEvents = processedEvents;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    SentMessage send(Caller caller, SendMessageRequest request) {
        String content = TextRules.content(request.content());
        String clientMessageId = TextRules.clientMessageId(request.clientMessageId());
        if (caller instanceof Caller.Visitor visitor) {
            return sendAsVisitor(visitor, request, content, clientMessageId);
        }
        Caller.Admin admin = (Caller.Admin) caller;
        if (request.visitorName() != null || request.visitorEmail() != null) {
            throw ApiException.badRequest("visitorName and visitorEmail can only be sent by visitors");
        }
        if (request.conversationId() == null) {
            throw ApiException.badRequest("conversationId is required for admin messages");
        }
        Conversation conversation = conversations.lock(request.conversationId())
                .orElseThrow(() -> ApiException.notFound("Conversation " + request.conversationId() + " does not exist"));
        Optional<Message> resent = resent(conversation.id(), clientMessageId);
        if (resent.isPresent()) {
            return SentMessage.of(resent.get(), false);
        }
        Message stored = store(conversation, SenderType.ADMIN, Long.toString(admin.admin().id()),
                admin.admin().displayName(), content, clientMessageId, null, null, null);
        return SentMessage.of(stored, false);
    }

    private SentMessage sendAsVisitor(Caller.Visitor visitor, SendMessageRequest request, String content, String clientMessageId) {
        String name = TextRules.visitorName(request.visitorName());
        String email = TextRules.visitorEmail(request.visitorEmail());
        Instant now = Times.now(clock);
        VisitorSession session = sessions.lockByToken(visitor.token()).filter(s -> !s.expiredAt(now))
                .orElseThrow(() -> ApiException.unauthorized("Your chat session has expired or is unknown; start a new session"));
        if (request.conversationId() != null && !request.conversationId().equals(session.conversationId())) {
            throw ApiException.forbidden("You can only post in your own conversation");
        }
        Conversation conversation;
        if (session.conversationId() == null) {
            long id = conversations.insert(session.visitorId(), name, email, now);
            sessions.attachConversation(session.id(), id);
            conversation = conversations.lock(id).orElseThrow();
            events.publish(new ConversationStarted(id, session.visitorId(), name, email, preview(content), now));
        } else {
            conversation = conversations.lock(session.conversationId())
                    .orElseThrow(() -> ApiException.notFound("Your conversation no longer exists; start a new session"));
            Optional<Message> resent = resent(conversation.id(), clientMessageId);
            if (resent.isPresent()) {
                return SentMessage.of(resent.get(), aiWillAnswer(conversation));
            }
            if (name != null || email != null) {
                conversations.updateVisitorDetails(conversation.id(), name, email);
            }
        }
        String senderName = name != null ? name : conversation.visitorName();
        Message stored = store(conversation, SenderType.VISITOR, session.visitorId(), senderName, content,
                clientMessageId, null, null, null);
        return SentMessage.of(stored, aiWillAnswer(conversation));
    }

    private Optional<Message> resent(long conversationId, String clientMessageId) {
        return clientMessageId == null ? Optional.empty() : messages.findByClientMessageId(conversationId, clientMessageId);
    }

    /** What {@code aiResponsePending} tells the client: the assistant will answer this visitor message. */
    private boolean aiWillAnswer(Conversation conversation) {
        return settings.current().aiEnabled() && conversation.activeAndAiHandled();
    }

    /**
     * Stores an AI reply or hand-off notice once: a redelivered event, or a second answer to the same
     * visitor message (another instance), is ignored; so is an answer that arrives after the admin
     * took over or the conversation was resolved.
     */
    @Transactional
    public void storeAiAnswer(UUID eventId, AiReplyGenerated reply) {
        storeAiAnswer(eventId, reply.conversationId(), reply.replyId(), reply.inReplyTo(), reply.content(),
                reply.metadata(), null, null);
    }

    @Transactional
    public void storeAiHandOff(UUID eventId, AiHandedOff handOff) {
        storeAiAnswer(eventId, handOff.conversationId(), handOff.replyId(), handOff.inReplyTo(), handOff.visitorNotice(),
                null, handOff.reason(), handOff.detail());
    }

    private void storeAiAnswer(UUID eventId, long conversationId, String replyId, List<Long> inReplyTo, String content,
                               AiReplyMetadata metadata, HandOffReason handOffReason, String detail) {
        if (!processedEvents.firstTime(AI_ANSWERS_CONSUMER, eventId)) {
            return;
        }
        Optional<Conversation> locked = conversations.lock(conversationId);
        if (locked.isEmpty()) {
            log.warn("Dropping AI answer {} for unknown conversation {}", replyId, conversationId);
            return;
        }
        Conversation conversation = locked.get();
        if (!aiWillAnswer(conversation)) {
            log.info("Dropping AI answer {} for conversation {}: the AI no longer handles it", replyId, conversationId);
            return;
        }
        Long answers = inReplyTo.isEmpty() ? null : inReplyTo.get(inReplyTo.size() - 1);
        if (answers != null && messages.answerExists(conversationId, answers)) {
            log.info("Ignoring AI answer {}: message {} already has one", replyId, answers);
            return;
        }
        String text = content == null || content.isBlank() ? settings.current().offlineMessage() : content.strip();
        store(conversation, SenderType.AI, null, AI_SENDER_NAME, text, null, answers,
                new AiAnswer(replyId, inReplyTo, metadata, handOffReason, detail), handOffReason);
    }

    private Message store(Conversation conversation, SenderType sender, String senderId, String senderName, String content,
                          String clientMessageId, Long answers, AiAnswer aiAnswer, HandOffReason handOffReason) {
        Instant now = Times.now(clock);
        long seq = conversation.messageCount() + 1;
        Message stored = messages.insert(new Message(0, conversation.id(), seq, sender, senderId, senderName, content,
                clientMessageId, answers, aiAnswer == null ? null : json.writeValueAsString(aiAnswer.toMetadata()), null, now));
        conversations.recordMessage(conversation.id(), seq, stored.id(), sender, content, now);
        events.publish(new MessageCreated(conversation.id(), stored.id(), seq, sender, senderId, senderName, content,
                clientMessageId, aiAnswer == null ? List.of() : aiAnswer.inReplyTo(),
                aiAnswer == null ? null : aiAnswer.metadata(), handOffReason, now));
        return stored;
    }

    @Transactional(readOnly = true)
    MessagePage page(Caller caller, long conversationId, Long before, Long after, int limit) {
        if (limit < 1 || limit > 100) {
            throw ApiException.badRequest("limit must be between 1 and 100");
        }
        if (before != null && after != null) {
            throw ApiException.badRequest("Use either before or after, not both");
        }
        if ((before != null && before < 1) || (after != null && after < 0)) {
            throw ApiException.badRequest("before and after must be message ids");
        }
        authorize(caller, conversationId);
        List<Message> rows;
        boolean hasMore;
        Long nextCursor;
        if (after != null) {
            rows = messages.newerThan(conversationId, after, limit);
            hasMore = rows.size() > limit;
            rows = rows.subList(0, Math.min(limit, rows.size()));
            nextCursor = rows.isEmpty() ? null : rows.get(rows.size() - 1).id();
        } else {
            List<Message> newestFirst = messages.olderThan(conversationId, before, limit);
            hasMore = newestFirst.size() > limit;
            rows = new ArrayList<>(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
            Collections.reverse(rows);
            nextCursor = rows.isEmpty() || !hasMore ? null : rows.get(0).id();
        }
        return new MessagePage(rows.stream().map(this::view).toList(), hasMore, nextCursor);
    }

    @Transactional
    ReadResult markRead(Caller caller, ReadRequest request) {
        if (request.conversationId() == null) {
            throw ApiException.badRequest("conversationId is required");
        }
        if (request.messageIds() != null && request.messageIds().size() > 500) {
            throw ApiException.badRequest("messageIds must list at most 500 ids");
        }
        if (request.messageIds() != null && request.messageIds().stream().anyMatch(id -> id == null || id < 1)) {
            throw ApiException.badRequest("messageIds must be message ids");
        }
        if (request.upToMessageId() != null && request.upToMessageId() < 1) {
            throw ApiException.badRequest("upToMessageId must be a message id");
        }
        if (request.messageIds() != null && request.upToMessageId() != null) {
            throw ApiException.badRequest("Use either messageIds or upToMessageId, not both");
        }
        long conversationId = request.conversationId();
        authorize(caller, conversationId);
        conversations.lock(conversationId).orElseThrow(() -> ApiException.notFound("Conversation " + conversationId + " does not exist"));
        boolean admin = caller instanceof Caller.Admin;
        List<SenderType> otherSide = admin ? List.of(SenderType.VISITOR) : List.of(SenderType.ADMIN, SenderType.AI);
        List<Long> ids = messages.unreadFrom(conversationId, otherSide, request.messageIds(), request.upToMessageId());
        if (ids.isEmpty()) {
            return new ReadResult(conversationId, List.of(), null);
        }
        Instant now = Times.now(clock);
        messages.markRead(ids, now);
        if (admin) {
            conversations.markAdminRead(conversationId, ids.size());
        }
        events.publish(new MessagesRead(conversationId, ids, admin ? SenderType.ADMIN : SenderType.VISITOR, now));
        return new ReadResult(conversationId, ids, now);
    }

    /** A visitor sees only its own conversation; the admin sees any that exists. */
    private void authorize(Caller caller, long conversationId) {
        if (caller instanceof Caller.Visitor visitor) {
            Long own = visitor.session().conversationId();
            if (own == null || own != conversationId) {
                throw ApiException.forbidden("You can only access your own conversation");
            }
        } else if (conversations.find(conversationId).isEmpty()) {
            throw ApiException.notFound("Conversation " + conversationId + " does not exist");
        }
    }

    MessageView view(Message message) {
        JsonNode metadata = message.metadataJson() == null ? null : json.readTree(message.metadataJson());
        return new MessageView(message.id(), message.seq(), message.conversationId(), message.content(),
                message.senderType().wireName(), message.senderName(), message.readAt() != null, message.readAt(),
                metadata, message.clientMessageId(), message.createdAt());
    }

    private static String preview(String content) {
        return content.length() <= 100 ? content : content.substring(0, 100);
    }

    /** What the API answers to a send (seed 6.1.1 plus seq and the client's id). */
    record SentMessage(long messageId, long conversationId, long seq, String content, String senderType,
                       String clientMessageId, Instant createdAt, boolean aiResponsePending) {

        static SentMessage of(Message message, boolean aiResponsePending) {
            return new SentMessage(message.id(), message.conversationId(), message.seq(), message.content(),
                    message.senderType().wireName(), message.clientMessageId(), message.createdAt(), aiResponsePending);
        }
    }

    record MessagePage(List<MessageView> messages, boolean hasMore, Long nextCursor) {
    }

    record ReadResult(long conversationId, List<Long> messageIds, Instant readAt) {
    }

    /** The metadata column of an AI message. */
    private record AiAnswer(String replyId, List<Long> inReplyTo, AiReplyMetadata metadata, HandOffReason handOffReason,
                            String detail) {

        Map<String, Object> toMetadata() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("replyId", replyId);
            map.put("inReplyTo", inReplyTo);
            if (metadata != null) {
                map.put("provider", metadata.provider());
                map.put("model", metadata.model());
                map.put("promptTokens", metadata.promptTokens());
                map.put("completionTokens", metadata.completionTokens());
                map.put("totalTokens", metadata.totalTokens());
                map.put("latencyMs", metadata.latencyMs());
                map.put("sources", metadata.sources());
            }
            if (handOffReason != null) {
                map.put("handOff", true);
                map.put("handOffReason", handOffReason.wireName());
                map.put("handOffDetail", detail);
            }
            map.values().removeIf(java.util.Objects::isNull);
            return map;
        }
    }
}
