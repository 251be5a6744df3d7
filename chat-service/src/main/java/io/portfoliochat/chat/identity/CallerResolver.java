package io.portfoliochat.chat.identity;

import io.portfoliochat.chat.session.SessionTokens;
import io.portfoliochat.chat.session.VisitorSessionService;
import io.portfoliochat.support.security.AdminAuthentication;
import io.portfoliochat.support.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * Identifies the caller from the request headers. The gateway checks them first; this service
 * checks again (defence in depth) and never trusts a sender type a client claims.
 */
@Component
public class CallerResolver {

    public static final String SESSION_HEADER = "X-Session-Token";

    private final AdminAuthentication adminAuthentication;
    private final VisitorSessionService sessions;

    CallerResolver(AdminAuthentication adminAuthentication, VisitorSessionService sessions) {
        this.adminAuthentication = adminAuthentication;
        this.sessions = sessions;
    }

    /** A visitor or the admin; 401 when neither credential is valid. */
    public Caller visitorOrAdmin(String authorization, String sessionToken) {
        if (authorization != null && !authorization.isBlank()) {
            return new Caller.Admin(adminAuthentication.require(authorization));
        }
        if (sessionToken == null || sessionToken.isBlank()) {
            throw ApiException.unauthorized("A session token (X-Session-Token) or an admin token is required");
        }
        String token = sessionToken.trim();
        if (!SessionTokens.wellFormed(token)) {
            throw ApiException.unauthorized("The session token is not valid; start a new session");
        }
        return sessions.valid(token)
                .map(session -> (Caller) new Caller.Visitor(token, session))
                .orElseThrow(() -> ApiException.unauthorized("Your chat session has expired or is unknown; start a new session"));
    }

    public Caller.Admin admin(String authorization) {
        return new Caller.Admin(adminAuthentication.require(authorization));
    }
}
