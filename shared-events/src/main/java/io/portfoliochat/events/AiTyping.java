package io.portfoliochat.events;

/** The assistant started or stopped composing a reply. */
public record AiTyping(long conversationId, boolean typing, String replyId) implements ConversationEvent {
}
