package io.portfoliochat.admin.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin when there is none. A password from the environment is never logged; a
 * generated one is logged exactly once, in a framed block, by the instance that created the account.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminBootstrap.class);

    private final AdminAccounts accounts;
    private final PasswordHashing passwords;
    private final AdminBootstrapProperties properties;

    FirstAdminBootstrap(AdminAccounts accounts, PasswordHashing passwords, AdminBootstrapProperties properties) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyExists()) {
            if (properties.password() != null) {
                log.info("Admin accounts exist already; ADMIN_EMAIL/ADMIN_PASSWORD are only used to create the first one");
            }
            return;
        }
        boolean generated = properties.password() == null;
        String password = generated ? passwords.generatePassword() : properties.password();
        String email = properties.emailOrGenerated();
        try {
            accounts.create(email, properties.nameOrDefault(), password);
        } catch (DataIntegrityViolationException anotherInstanceWasFaster) {
            log.info("Another instance created the first admin at the same time; nothing to do");
            return;
        }
        if (generated) {
            log.warn("""

                    ======================================================================
                      First admin account created with a GENERATED password.
                      It is shown this one time only: log in and keep it safe.
                        email:    {}
                        password: {}
                      To choose your own, set ADMIN_EMAIL and ADMIN_PASSWORD before the first start.
                    ======================================================================""",
                    AdminAccounts.normalizeEmail(email), password);
        } else {
            log.info("First admin account created for {} from ADMIN_EMAIL/ADMIN_PASSWORD", AdminAccounts.normalizeEmail(email));
        }
    }
}
