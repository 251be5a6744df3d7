package io.portfoliochat.gateway.ratelimit;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a rate-limited route does, as its {@code rate-limit} metadata says. */
enum LimitedAction {

    MESSAGES("messages", "Too many messages"),
    SESSIONS("sessions", "Too many chat sessions started from your network"),
    LOGINS("logins", "Too many login attempts");

    private final String metadataValue;
    private final String refusal;

    LimitedAction(String metadataValue, String refusal) {
        this.metadataValue = metadataValue;
        this.refusal = refusal;
    }

    String key() {
        return metadataValue;
    }

    String refusal() {
        return refusal;
    }

    static Optional<LimitedAction> fromMetadata(String value) {
        return Arrays.stream(values()).filter(action -> action.metadataValue.equals(value)).findFirst();
    }

    static String allowedValues() {
        return Arrays.stream(values()).map(action -> action.metadataValue).collect(Collectors.joining(", "));
    }
}
