package io.portfoliochat.admin.login;

import java.time.Instant;

record LoginResponse(String token, Instant expiresAt, Admin admin) {

    record Admin(long id, String name, String email) {
    }
}
