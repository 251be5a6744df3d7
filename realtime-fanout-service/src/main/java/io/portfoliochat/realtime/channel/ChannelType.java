package io.portfoliochat.realtime.channel;

/** Pusher channel kinds, told apart by their name prefix. */
public enum ChannelType {
    PUBLIC,
    PRIVATE,
    /** {@code private-encrypted-}: authorized like private; this system does not use them. */
    PRIVATE_ENCRYPTED,
    PRESENCE;

    public boolean needsAuthorization() {
        return this != PUBLIC;
    }

    /** Client events ({@code client-*}) are allowed on private and presence channels only. */
    public boolean allowsClientEvents() {
        return this == PRIVATE || this == PRESENCE;
    }
}
