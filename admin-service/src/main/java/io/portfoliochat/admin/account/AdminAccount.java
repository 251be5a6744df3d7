package io.portfoliochat.admin.account;

import io.portfoliochat.support.security.AdminPrincipal;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A portfolio owner who may log in. The password is only ever held as a BCrypt hash. */
@Entity
@Table(name = "admin_account")
class AdminAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    protected AdminAccount() {
        // for JPA
    }

    AdminAccount(String email, String name, String passwordHash, Instant createdAt) {
        this.email = email;
        this.name = name;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    String passwordHash() {
        return passwordHash;
    }

    void loggedInAt(Instant at) {
        this.lastLoginAt = at;
    }

    AdminPrincipal principal() {
        return new AdminPrincipal(id, name, email);
    }
}
