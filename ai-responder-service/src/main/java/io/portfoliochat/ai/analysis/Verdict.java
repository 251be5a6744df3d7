package io.portfoliochat.ai.analysis;

/** What the assistant should do with a message. */
public enum Verdict {
    /** Politely refuse: the message tries to read or change the instructions. */
    REFUSE_INJECTION,
    /** Hand the conversation to the owner: the visitor asked for a person. */
    HAND_OFF_HUMAN,
    /** Hand the conversation to the owner: the portfolio does not answer this. */
    HAND_OFF_UNKNOWN,
    /** Decline a task unrelated to the portfolio and point back to it. */
    DECLINE_OFF_TOPIC,
    /** Greeting, thanks, "are you a bot?", contact request: answered without portfolio lookup. */
    SMALL_TALK,
    /** Answer from the matched portfolio facts. */
    ANSWER,
    /** Nothing to work with: ask what the visitor would like to know. */
    CLARIFY
}
