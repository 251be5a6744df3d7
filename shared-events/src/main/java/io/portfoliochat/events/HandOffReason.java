package io.portfoliochat.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Why the assistant passed a conversation to the admin instead of answering. */
public enum HandOffReason {
    /** Nothing in the portfolio answers the question; the assistant will not invent. */
    @JsonProperty("unknown_answer") UNKNOWN_ANSWER,
    /** The language-model provider failed (timeout, error, open circuit). */
    @JsonProperty("provider_error") PROVIDER_ERROR,
    /** The per-conversation AI reply cap from the settings was reached. */
    @JsonProperty("reply_cap_reached") REPLY_CAP_REACHED,
    /** The visitor asked to talk to a person. */
    @JsonProperty("visitor_asked_for_human") VISITOR_ASKED_FOR_HUMAN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
