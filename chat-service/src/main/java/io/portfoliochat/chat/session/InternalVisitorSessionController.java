package io.portfoliochat.chat.session;

import io.portfoliochat.support.web.ApiException;
import io.portfoliochat.support.web.ApiResponse;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** For realtime-fanout-service's channel authorisation; not routed by the gateway. */
@RestController
class InternalVisitorSessionController {

    private final VisitorSessionService sessions;

    InternalVisitorSessionController(VisitorSessionService sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/internal/visitor-session")
    ApiResponse<SessionIdentity> identify(@RequestHeader(name = "X-Session-Token", required = false) String token) {
        return sessions.valid(token)
                .map(session -> ApiResponse.ok(new SessionIdentity(session.visitorId(), session.conversationId(), session.expiresAt())))
                .orElseThrow(() -> ApiException.notFound("Unknown or expired session"));
    }

    record SessionIdentity(String visitorId, Long conversationId, Instant expiresAt) {
    }
}
