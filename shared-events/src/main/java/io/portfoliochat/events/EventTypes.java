package io.portfoliochat.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stable wire names of event types and their current schema versions. Wire names never derive
 * from Java class names, so classes can move or be renamed without breaking consumers.
 */
public final class EventTypes {

    public static final String CONVERSATION_STARTED = "conversation.started";
    public static final String MESSAGE_CREATED = "message.created";
    public static final String MESSAGES_READ = "messages.read";
    public static final String CONVERSATION_UPDATED = "conversation.updated";
    public static final String AI_TYPING = "ai.typing";
    public static final String AI_REPLY_CHUNK = "ai.reply-chunk";
    public static final String AI_REPLY_GENERATED = "ai.reply-generated";
    public static final String AI_HANDED_OFF = "ai.handed-off";
    public static final String SETTINGS_CHANGED = "settings.changed";
    public static final String PORTFOLIO_CHANGED = "portfolio.changed";

    /** Schema version written by this build. A consumer reads older and newer versions alike (unknown fields ignored). */
    public static final int SCHEMA_VERSION = 1;

    private static final Map<String, Class<? extends DomainEvent>> CLASS_BY_TYPE = new LinkedHashMap<>();
    private static final Map<Class<? extends DomainEvent>, String> TYPE_BY_CLASS = new LinkedHashMap<>();

    static {
        register(CONVERSATION_STARTED, ConversationStarted.class);
        register(MESSAGE_CREATED, MessageCreated.class);
        register(MESSAGES_READ, MessagesRead.class);
        register(CONVERSATION_UPDATED, ConversationUpdated.class);
        register(AI_TYPING, AiTyping.class);
        register(AI_REPLY_CHUNK, AiReplyChunk.class);
        register(AI_REPLY_GENERATED, AiReplyGenerated.class);
        register(AI_HANDED_OFF, AiHandedOff.class);
        register(SETTINGS_CHANGED, ChatSettingsChanged.class);
        register(PORTFOLIO_CHANGED, PortfolioChanged.class);
    }

    private EventTypes() {
    }

    private static void register(String type, Class<? extends DomainEvent> payloadClass) {
        CLASS_BY_TYPE.put(type, payloadClass);
        TYPE_BY_CLASS.put(payloadClass, type);
    }

    public static String typeOf(DomainEvent event) {
        if (event instanceof UnknownEvent unknown) {
            return unknown.type();
        }
        String type = TYPE_BY_CLASS.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException("No wire type registered for " + event.getClass().getName());
        }
        return type;
    }

    public static Optional<Class<? extends DomainEvent>> payloadClassOf(String type) {
        return Optional.ofNullable(CLASS_BY_TYPE.get(type));
    }

    public static Map<String, Class<? extends DomainEvent>> all() {
        return Map.copyOf(CLASS_BY_TYPE);
    }
}
