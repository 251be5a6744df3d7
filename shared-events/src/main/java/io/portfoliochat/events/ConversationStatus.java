package io.portfoliochat.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Optional;

/** The lifecycle of a conversation as the admin sets it. */
public enum ConversationStatus {
    @JsonProperty("active") ACTIVE,
    @JsonProperty("resolved") RESOLVED,
    @JsonProperty("closed") CLOSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConversationStatus> fromWireName(String value) {
        for (ConversationStatus status : values()) {
            if (status.wireName().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
