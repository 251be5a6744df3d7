package io.portfoliochat.ai.state;

/** Whether the assistant may answer in a conversation right now, and if not, why. */
public record AnswerDecision(boolean allowed, String reason) {

    static final AnswerDecision ALLOWED = new AnswerDecision(true, "ai enabled, conversation active and AI-handled");

    static AnswerDecision refused(String reason) {
        return new AnswerDecision(false, reason);
    }
}
