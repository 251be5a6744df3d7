package io.portfoliochat.realtime.fanout;

import io.portfoliochat.events.AiHandedOff;
import io.portfoliochat.events.AiReplyChunk;
import io.portfoliochat.events.AiTyping;
import io.portfoliochat.events.ChatSettingsChanged;
import io.portfoliochat.events.ConversationStarted;
import io.portfoliochat.events.ConversationUpdated;
import io.portfoliochat.events.DomainEvent;
import io.portfoliochat.events.MessageCreated;
import io.portfoliochat.events.MessagesRead;
import io.portfoliochat.events.SenderType;
import io.portfoliochat.realtime.channel.ChannelNames;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns domain events into the channel events clients receive (the table in docs/realtime.md). Events
 * whose data would exceed Pusher's size limit become a reference the client fetches; content is never cut.
 */
final class ChannelEventMapper {

    static final String NEW_MESSAGE = "new-message";
    static final String NEW_MESSAGE_ALERT = "new-message-alert";
    static final String NEW_CONVERSATION = "new-conversation";
    static final String MESSAGE_READ = "message-read";
    static final String CONVERSATION_UPDATED = "conversation-updated";
    static final String AI_TYPING = "ai-typing";
    static final String AI_REPLY_CHUNK = "ai-reply-chunk";
    static final String AI_HANDOFF = "ai-handoff";
    static final String AI_SETTINGS_CHANGED = "ai-settings-changed";

    static final int PREVIEW_LENGTH = 100;
    private static final int REMEMBERED_CONVERSATIONS = 10_000;

    private final JsonMapper json;
    private final int maxEventBytes;
    /** The last visitor message per conversation, so a hand-off alert can show what the visitor asked. */
    private final Map<Long, String> lastVisitorMessage = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > REMEMBERED_CONVERSATIONS;
        }
    };

    ChannelEventMapper(JsonMapper json, int maxEventBytes) {
        this.json = json;
        this.maxEventBytes = maxEventBytes;
    }

    List<ChannelEvent> map(DomainEvent event) {
        if (event instanceof MessageCreated message) {
            return messageCreated(message);
        }
        if (event instanceof ConversationStarted started) {
            return List.of(event(ChannelNames.ADMIN_NOTIFICATIONS, NEW_CONVERSATION,
                    () -> new Payloads.NewConversation(started.conversationId(), started.visitorId(), started.visitorName(),
                            started.visitorEmail(), started.firstMessagePreview(), started.startedAt()),
                    () -> new Payloads.ConversationReference(started.conversationId(), true)));
        }
        if (event instanceof MessagesRead read) {
            return List.of(event(ChannelNames.conversation(read.conversationId()), MESSAGE_READ,
                    () -> new Payloads.MessageRead(read.conversationId(), read.messageIds(), wire(read.readerType()), read.readAt()),
                    () -> new Payloads.ConversationReference(read.conversationId(), true)));
        }
        if (event instanceof ConversationUpdated updated) {
            Supplier<Object> payload = () -> new Payloads.ConversationUpdated(updated.conversationId(),
                    updated.status() == null ? null : updated.status().wireName(), updated.aiHandled(), updated.changedBy(),
                    updated.updatedAt());
            Supplier<Object> reference = () -> new Payloads.ConversationReference(updated.conversationId(), true);
            return List.of(event(ChannelNames.conversation(updated.conversationId()), CONVERSATION_UPDATED, payload, reference),
                    event(ChannelNames.ADMIN_NOTIFICATIONS, CONVERSATION_UPDATED, payload, reference));
        }
        if (event instanceof AiTyping typing) {
            return List.of(event(ChannelNames.conversation(typing.conversationId()), AI_TYPING,
                    () -> new Payloads.AiTyping(typing.conversationId(), typing.typing(), typing.replyId()),
                    () -> new Payloads.ConversationReference(typing.conversationId(), true)));
        }
        if (event instanceof AiReplyChunk chunk) {
            return List.of(event(ChannelNames.conversation(chunk.conversationId()), AI_REPLY_CHUNK,
                    () -> new Payloads.AiReplyChunk(chunk.conversationId(), chunk.replyId(), chunk.index(), chunk.delta()),
                    () -> new Payloads.AiReplyChunkReference(chunk.conversationId(), chunk.replyId(), chunk.index(), true)));
        }
        if (event instanceof AiHandedOff handOff) {
            String preview = rememberedVisitorMessage(handOff.conversationId());
            return List.of(event(ChannelNames.ADMIN_NOTIFICATIONS, AI_HANDOFF,
                    () -> new Payloads.AiHandoff(handOff.conversationId(), handOff.replyId(),
                            handOff.reason() == null ? null : handOff.reason().wireName(), handOff.detail(), preview,
                            handOff.inReplyTo(), handOff.handedOffAt()),
                    () -> new Payloads.ConversationReference(handOff.conversationId(), true)));
        }
        if (event instanceof ChatSettingsChanged changed) {
            if (changed.changedFields().isEmpty()) {
                // admin-service republishes the unchanged settings on every start: nothing happened to alert about.
                return List.of();
            }
            boolean aiEnabled = changed.settings() != null && changed.settings().aiEnabled();
            return List.of(event(ChannelNames.ADMIN_NOTIFICATIONS, AI_SETTINGS_CHANGED,
                    () -> new Payloads.AiSettingsChanged(aiEnabled, changed.changedBy(), changed.changedFields(),
                            changed.changedAt()),
                    () -> new Payloads.AiSettingsChanged(aiEnabled, null, List.of(), changed.changedAt())));
        }
        // ai.reply-generated becomes a message.created once chat-service stored it; portfolio and unknown
        // events are not pushed.
        return List.of();
    }

    private List<ChannelEvent> messageCreated(MessageCreated message) {
        String senderType = wire(message.senderType());
        if (message.senderType() == SenderType.VISITOR) {
            remember(message.conversationId(), message.content());
        }
        ChannelEvent newMessage = event(ChannelNames.conversation(message.conversationId()), NEW_MESSAGE,
                () -> new Payloads.NewMessage(message.messageId(), message.seq(), message.conversationId(), message.content(),
                        senderType, message.senderName(), message.createdAt(), false, message.clientMessageId(),
                        message.aiMetadata(),
                        message.handOffReason() == null ? null : new Payloads.HandOff(message.handOffReason().wireName())),
                () -> new Payloads.MessageReference(message.messageId(), message.seq(), message.conversationId(), senderType,
                        message.createdAt(), true));
        ChannelEvent alert = event(ChannelNames.ADMIN_NOTIFICATIONS, NEW_MESSAGE_ALERT,
                () -> new Payloads.NewMessageAlert(message.conversationId(), message.messageId(), message.seq(),
                        preview(message.content()), senderType, message.senderName(),
                        message.senderType() == SenderType.VISITOR ? message.senderName() : null, message.createdAt()),
                () -> new Payloads.MessageReference(message.messageId(), message.seq(), message.conversationId(), senderType,
                        message.createdAt(), true));
        return List.of(newMessage, alert);
    }

    private ChannelEvent event(String channel, String name, Supplier<Object> payload, Supplier<Object> reference) {
        String data = json.writeValueAsString(payload.get());
        if (data.getBytes(StandardCharsets.UTF_8).length > maxEventBytes) {
            data = json.writeValueAsString(reference.get());
        }
        return new ChannelEvent(channel, name, data);
    }

    private void remember(long conversationId, String content) {
        synchronized (lastVisitorMessage) {
            lastVisitorMessage.put(conversationId, preview(content));
        }
    }

    private String rememberedVisitorMessage(long conversationId) {
        synchronized (lastVisitorMessage) {
            return lastVisitorMessage.get(conversationId);
        }
    }

    /** The first {@value #PREVIEW_LENGTH} characters, never splitting a surrogate pair, with an ellipsis when cut. */
    static String preview(String content) {
        if (content == null) {
            return null;
        }
        if (content.codePointCount(0, content.length()) <= PREVIEW_LENGTH) {
            return content;
        }
        return content.substring(0, content.offsetByCodePoints(0, PREVIEW_LENGTH)) + "…";
    }

    private static String wire(SenderType type) {
        return type == null ? null : type.wireName();
    }
}
