package io.portfoliochat.admin.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param bcryptStrength BCrypt cost (log2 rounds): 12 takes about 0.3 s here; tests use 4 */
@ConfigurationProperties("portfoliochat.admin.passwords")
record PasswordProperties(Integer bcryptStrength) {

    PasswordProperties {
        bcryptStrength = bcryptStrength == null ? 12 : bcryptStrength;
        if (bcryptStrength < 4 || bcryptStrength > 31) {
            throw new IllegalArgumentException("portfoliochat.admin.passwords.bcrypt-strength must be from 4 to 31");
        }
    }
}
