package io.portfoliochat.chat.identity;

import io.portfoliochat.chat.session.VisitorSession;
import io.portfoliochat.support.security.AdminPrincipal;

/** Who is calling: a visitor with a valid session, or the admin with a valid token. Never taken from the body. */
public sealed interface Caller {

    record Visitor(String token, VisitorSession session) implements Caller {
    }

    record Admin(AdminPrincipal admin) implements Caller {
    }
}
