package io.portfoliochat.admin.account;

import io.portfoliochat.support.security.AdminPrincipal;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The admin accounts: who exists and whether a password is theirs. */
@Service
public class AdminAccounts {

    private final AdminAccountRepository repository;
    private final PasswordHashing passwords;
    private final Clock clock;

    AdminAccounts(AdminAccountRepository repository, PasswordHashing passwords, Clock clock) {
        this.repository = repository;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Emails are compared trimmed and lower-cased. */
    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The admin when the email and password belong together, and records the login. Takes about the
     * same time whether the account exists or not.
     */
    @Transactional
    public Optional<AdminPrincipal> authenticate(String email, String password) {
        Optional<AdminAccount> account = repository.findByEmail(normalizeEmail(email));
        if (!passwords.matches(password, account.map(AdminAccount::passwordHash).orElse(null))) {
            return Optional.empty();
        }
        AdminAccount admin = account.orElseThrow();
        admin.loggedInAt(clock.instant());
        return Optional.of(admin.principal());
    }

    @Transactional(readOnly = true)
    boolean anyExists() {
        return repository.count() > 0;
    }

    @Transactional
    AdminPrincipal create(String email, String name, String password) {
        return repository.saveAndFlush(new AdminAccount(normalizeEmail(email), name, passwords.hash(password), clock.instant()))
                .principal();
    }
}
