package io.portfoliochat.events;

/** A piece of a reply that is still being generated, for the visitor to watch the answer grow. */
public record AiReplyChunk(long conversationId, String replyId, int index, String delta) implements ConversationEvent {
}
