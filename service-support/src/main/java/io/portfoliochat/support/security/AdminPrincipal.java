package io.portfoliochat.support.security;

/** The admin a verified token speaks for. */
public record AdminPrincipal(long id, String name, String email) {

    public String displayName() {
        return name == null || name.isBlank() ? "Admin" : name;
    }
}
