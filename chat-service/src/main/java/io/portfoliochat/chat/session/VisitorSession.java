package io.portfoliochat.chat.session;

import java.time.Instant;

/** A visitor session as stored (the token itself is never stored). */
public record VisitorSession(long id, String visitorId, Long conversationId, Instant createdAt, Instant expiresAt) {

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
