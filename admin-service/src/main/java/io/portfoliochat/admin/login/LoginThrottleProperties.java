package io.portfoliochat.admin.login;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How repeated failed logins are slowed down.
 *
 * @param maxFailuresPerAccount failures for one email before it is locked
 * @param maxFailuresPerAddress failures from one client address (any emails) before it is locked
 * @param quietPeriod           failures are forgotten after this long without a new one (counted from the end of a lockout)
 * @param firstLockout          the first lockout; each further failure doubles it
 * @param maxLockout            the longest lockout
 * @param trustedProxies        reverse proxies in front of this service that append to X-Forwarded-For (the gateway: 1)
 * @param maxTrackedKeys        memory bound: above it, entries that are not locked are forgotten first
 */
@ConfigurationProperties("portfoliochat.login")
record LoginThrottleProperties(Integer maxFailuresPerAccount, Integer maxFailuresPerAddress, Duration quietPeriod,
                               Duration firstLockout, Duration maxLockout, Integer trustedProxies, Integer maxTrackedKeys) {

    LoginThrottleProperties {
        maxFailuresPerAccount = maxFailuresPerAccount == null ? 5 : maxFailuresPerAccount;
        maxFailuresPerAddress = maxFailuresPerAddress == null ? 20 : maxFailuresPerAddress;
        quietPeriod = quietPeriod == null ? Duration.ofMinutes(15) : quietPeriod;
        firstLockout = firstLockout == null ? Duration.ofMinutes(1) : firstLockout;
        maxLockout = maxLockout == null ? Duration.ofHours(1) : maxLockout;
        trustedProxies = trustedProxies == null ? 1 : trustedProxies;
        maxTrackedKeys = maxTrackedKeys == null ? 100_000 : maxTrackedKeys;
        if (maxFailuresPerAccount < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("portfoliochat.login.max-failures-* must be at least 1");
        }
    }
}
