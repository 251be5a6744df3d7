package io.portfoliochat.gateway.auth;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Who may call a route, as its {@code access} metadata says. */
enum Access {

    /** Anyone; identity headers are still stripped. */
    PUBLIC("public"),
    /** A visitor with an {@code X-Session-Token}, or the admin with a valid token. */
    VISITOR_OR_ADMIN("visitor-or-admin"),
    /** Only the admin, with a valid token. */
    ADMIN("admin");

    private final String metadataValue;

    Access(String metadataValue) {
        this.metadataValue = metadataValue;
    }

    static Optional<Access> fromMetadata(String value) {
        return Arrays.stream(values()).filter(access -> access.metadataValue.equals(value)).findFirst();
    }

    static String allowedValues() {
        return Arrays.stream(values()).map(access -> access.metadataValue).collect(Collectors.joining(", "));
    }
}
