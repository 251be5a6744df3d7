package io.portfoliochat.admin.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/** BCrypt hashing and checking of admin passwords. */
@Component
class PasswordHashing {

    /** BCrypt only reads the first 72 bytes of a password; longer ones are refused, never truncated. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final BCryptPasswordEncoder encoder;
    private final SecureRandom random = new SecureRandom();
    /** Compared against when the account does not exist, so that case costs as much time as a wrong password. */
    private final String decoyHash;

    PasswordHashing(PasswordProperties properties) {
        this.encoder = new BCryptPasswordEncoder(properties.bcryptStrength());
        this.decoyHash = encoder.encode(generatePassword());
    }

    String hash(String password) {
        if (!fitsBcrypt(password)) {
            throw new IllegalArgumentException("A password may be at most " + MAX_PASSWORD_BYTES + " bytes long");
        }
        return encoder.encode(password);
    }

    /** True when the password is the one hashed; a null hash (no such account) is checked against a decoy and never matches. */
    boolean matches(String password, String hash) {
        boolean fits = fitsBcrypt(password);
        // Always pay for one BCrypt comparison, so "no such account" and "too long" take as long as a wrong password.
        boolean matched = encoder.matches(fits ? password : "", hash == null ? decoyHash : hash);
        return fits && hash != null && matched;
    }

    /** A random password of 24 URL-safe characters (144 bits). */
    String generatePassword() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }
}
