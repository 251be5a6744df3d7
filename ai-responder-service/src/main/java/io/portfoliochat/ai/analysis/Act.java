package io.portfoliochat.ai.analysis;

/** What the visitor is doing with a message, before any portfolio lookup. */
public enum Act {
    /** Trying to read, override or escape the assistant's instructions. */
    INJECTION,
    /** Wants a person (the owner/admin) instead of the assistant. */
    HUMAN_REQUEST,
    /** Asks for a task that has nothing to do with the portfolio (code, poems, homework...). */
    OFF_TOPIC,
    GREETING,
    THANKS,
    /** "Are you a bot?" */
    BOT_QUESTION,
    /** How to reach or hire the owner. */
    CONTACT,
    /** A question about the owner's portfolio. */
    QUESTION,
    /** Nothing to work with ("ok", "hmm"). */
    UNCLEAR
}
