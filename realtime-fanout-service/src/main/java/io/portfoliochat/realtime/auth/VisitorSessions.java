package io.portfoliochat.realtime.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.portfoliochat.support.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Who a visitor session token belongs to, asked of chat-service ({@code GET /internal/visitor-session})
 * and cached briefly: pusher-js authorizes again on every reconnect. Only sessions that already have a
 * conversation are cached, and a cached answer that does not grant the channel is checked again, so a
 * visitor whose first message just created the conversation is never refused from a stale cache.
 */
class VisitorSessions {

    static final String SESSION_HEADER = "X-Session-Token";
    private static final Logger log = LoggerFactory.getLogger(VisitorSessions.class);

    private final RestClient chatService;
    private final Cache<String, VisitorSession> cache;
    private final Duration ttl;
    private final Clock clock;

    VisitorSessions(RestClient chatService, ChatServiceProperties properties, Clock clock) {
        this.chatService = chatService;
        this.ttl = properties.sessionCacheTtl();
        this.clock = clock;
        this.cache = Caffeine.newBuilder().maximumSize(properties.sessionCacheSize()).expireAfterWrite(ttl).build();
    }

    /** The visitor's conversation, if the session is valid and has one. */
    Optional<VisitorSession> find(String token, long wantedConversationId) {
        VisitorSession cached = cache.getIfPresent(token);
        Instant now = clock.instant();
        if (cached != null && cached.expiresAt().isAfter(now) && cached.grants(wantedConversationId)) {
            return Optional.of(cached);
        }
        Optional<VisitorSession> fresh = lookUp(token);
        fresh.filter(session -> session.conversationId() != null && session.expiresAt().isAfter(now))
                .ifPresentOrElse(session -> cache.put(token, session), () -> cache.invalidate(token));
        return fresh;
    }

    private Optional<VisitorSession> lookUp(String token) {
        try {
            SessionEnvelope envelope = chatService.get().uri("/internal/visitor-session").header(SESSION_HEADER, token)
                    .retrieve().body(SessionEnvelope.class);
            return envelope == null || envelope.data() == null ? Optional.empty() : Optional.of(envelope.data());
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().value() != HttpStatus.NOT_FOUND.value()) {
                log.warn("chat-service answered {} to a visitor session lookup", e.getStatusCode());
            }
            return Optional.empty();
        } catch (RestClientException e) {
            log.warn("Visitor session lookup failed: {}", e.getMessage());
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                    "Could not check the visitor session right now; please try again");
        }
    }

    /** chat-service's answer: {@code {"success":true,"data":{visitorId, conversationId, expiresAt}}}. */
    record SessionEnvelope(boolean success, VisitorSession data) {
    }

    record VisitorSession(String visitorId, Long conversationId, Instant expiresAt) {

        VisitorSession {
            expiresAt = expiresAt == null ? Instant.MAX : expiresAt;
        }

        boolean grants(long conversation) {
            return conversationId != null && conversationId == conversation;
        }
    }
}
