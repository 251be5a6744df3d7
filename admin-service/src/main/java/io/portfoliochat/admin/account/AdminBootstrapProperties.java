package io.portfoliochat.admin.account;

import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin, created on the first start when no admin exists yet (from {@code ADMIN_EMAIL},
 * {@code ADMIN_PASSWORD}, {@code ADMIN_NAME}). Without a password one is generated and printed once.
 * Checked when the service starts, so a mistake stops it with a clear message instead of leaving it
 * without a usable admin.
 */
@ConfigurationProperties("portfoliochat.admin.bootstrap")
record AdminBootstrapProperties(String email, String password, String name) {

    static final String GENERATED_ACCOUNT_EMAIL = "admin@portfolio-chat.local";
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}");

    AdminBootstrapProperties {
        email = blankToNull(email);
        password = blankToNull(password);
        name = blankToNull(name);
        if (password != null && email == null) {
            throw new IllegalArgumentException("ADMIN_PASSWORD is set but ADMIN_EMAIL is not: set both, or neither to get a generated password");
        }
        if (email != null && !EMAIL.matcher(email.trim()).matches()) {
            throw new IllegalArgumentException("ADMIN_EMAIL is not an email address");
        }
        if (password != null && password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("ADMIN_PASSWORD must be at least " + MIN_PASSWORD_LENGTH + " characters long");
        }
        if (password != null && !PasswordHashing.fitsBcrypt(password)) {
            throw new IllegalArgumentException("ADMIN_PASSWORD must be at most " + PasswordHashing.MAX_PASSWORD_BYTES + " bytes long");
        }
        if (name != null && name.length() > 100) {
            throw new IllegalArgumentException("ADMIN_NAME must be at most 100 characters long");
        }
    }

    String emailOrGenerated() {
        return email == null ? GENERATED_ACCOUNT_EMAIL : email;
    }

    String nameOrDefault() {
        return name == null ? "Admin" : name;
    }

    @Override
    public String toString() {
        return "AdminBootstrapProperties[email=" + email + ", password=" + (password == null ? "unset" : "[hidden]")
                + ", name=" + name + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
