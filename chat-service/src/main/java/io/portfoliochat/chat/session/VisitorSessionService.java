package io.portfoliochat.chat.session;

import io.portfoliochat.chat.Times;
import io.portfoliochat.chat.settings.CurrentSettings;
import io.portfoliochat.support.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and validates visitor sessions. An unknown or expired token silently gets a fresh session. */
@Service
public class VisitorSessionService {

    private final VisitorSessionRepository sessions;
    private final ChatProperties properties;
    private final CurrentSettings settings;
    private final Clock clock;

    VisitorSessionService(VisitorSessionRepository sessions, ChatProperties properties, CurrentSettings settings, Clock clock) {
        this.sessions = sessions;
        this.properties = properties;
        this.settings = settings;
        this.clock = clock;
    }

    /** The session a request's token names, if it exists and has not expired. */
    public Optional<VisitorSession> valid(String token) {
        if (!SessionTokens.wellFormed(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return sessions.findByToken(token).filter(session -> !session.expiredAt(now));
    }

    @Transactional
    SessionView openOrResume(String presentedToken, String ipAddress, String userAgent) {
        if (presentedToken != null && !SessionTokens.wellFormed(presentedToken)) {
            throw ApiException.badRequest("sessionToken must be a UUID");
        }
        Instant now = Times.now(clock);
        Instant expiresAt = now.plus(properties.sessionExpiry());
        if (presentedToken != null) {
            Optional<VisitorSession> existing = sessions.lockByToken(presentedToken).filter(session -> !session.expiredAt(now));
            if (existing.isPresent()) {
                sessions.extend(existing.get().id(), expiresAt);
                return view(presentedToken, existing.get().visitorId(), existing.get().conversationId(), expiresAt, false);
            }
        }
        String token = SessionTokens.newToken();
        VisitorSession created = sessions.insert(token, UUID.randomUUID().toString(), truncate(ipAddress, 45),
                truncate(userAgent, 512), now, expiresAt);
        return view(token, created.visitorId(), null, expiresAt, true);
    }

    private SessionView view(String token, String visitorId, Long conversationId, Instant expiresAt, boolean isNew) {
        return new SessionView(token, visitorId, conversationId, expiresAt, settings.current().welcomeMessage(), isNew);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** What {@code POST /api/chat/session} answers. */
    record SessionView(String sessionToken, String visitorId, Long conversationId, Instant expiresAt,
                       String welcomeMessage, boolean isNew) {
    }
}
