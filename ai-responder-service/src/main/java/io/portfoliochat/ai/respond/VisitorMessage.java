package io.portfoliochat.ai.respond;

/** A visitor message waiting for an answer. */
public record VisitorMessage(long messageId, long seq, String content) {
}
