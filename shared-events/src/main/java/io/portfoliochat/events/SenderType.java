package io.portfoliochat.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who wrote a message. */
public enum SenderType {
    @JsonProperty("visitor") VISITOR,
    @JsonProperty("admin") ADMIN,
    @JsonProperty("ai") AI;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
