package io.portfoliochat.admin.login;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Slows down repeated failed logins per account (email) and per client address. Kept in memory:
 * each admin-service instance counts on its own, so N instances allow up to N times the attempts
 * (the owner runs one; the per-account lock still bounds guessing to a handful per lockout).
 */
@Component
class LoginThrottle {

    private final FailureCounter accounts;
    private final FailureCounter addresses;
    private final Clock clock;

    LoginThrottle(LoginThrottleProperties properties, Clock clock) {
        this.accounts = new FailureCounter(properties.maxFailuresPerAccount(), properties);
        this.addresses = new FailureCounter(properties.maxFailuresPerAddress(), properties);
        this.clock = clock;
    }

    /**
     * Reserves a login attempt for this account from this address.
     *
     * @throws LoginThrottledException when either is locked (or has as many attempts running as it has failures left)
     */
    Attempt begin(String account, String address) {
        Optional<Duration> accountWait = accounts.reserve(account, clock.instant());
        if (accountWait.isPresent()) {
            throw new LoginThrottledException(accountWait.get());
        }
        Optional<Duration> addressWait = addresses.reserve(address, clock.instant());
        if (addressWait.isPresent()) {
            accounts.released(account);
            throw new LoginThrottledException(addressWait.get());
        }
        return new Attempt(account, address);
    }

    /** One reserved attempt; report its outcome, or close it to drop it without a verdict. */
    final class Attempt implements AutoCloseable {

        private final String account;
        private final String address;
        private boolean settled;

        private Attempt(String account, String address) {
            this.account = account;
            this.address = address;
        }

        void failed() {
            settled = true;
            accounts.failed(account, clock.instant());
            addresses.failed(address, clock.instant());
        }

        /** A success forgives the account's failures; the address keeps its count until its quiet period. */
        void succeeded() {
            settled = true;
            accounts.succeeded(account, true);
            addresses.succeeded(address, false);
        }

        @Override
        public void close() {
            if (!settled) {
                settled = true;
                accounts.released(account);
                addresses.released(address);
            }
        }
    }
}
