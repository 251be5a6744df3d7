package io.portfoliochat.support.security;

import java.util.Arrays;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Admin token verification for every service. Without {@code JWT_SECRET} a service refuses to
 * start, except in the {@code local} and {@code test} profiles, which fall back to a fixed
 * development secret (never valid anywhere else).
 */
@AutoConfiguration
@EnableConfigurationProperties(JwtProperties.class)
public class SecuritySupportAutoConfiguration {

    static final String DEVELOPMENT_SECRET = "local-development-only-secret-do-not-use-in-production";
    private static final Set<String> PROFILES_ALLOWING_DEVELOPMENT_SECRET = Set.of("local", "test");
    private static final Logger log = LoggerFactory.getLogger(SecuritySupportAutoConfiguration.class);

    @Bean
    AdminTokens adminTokens(JwtProperties properties, Environment environment) {
        if (properties.secret() == null || properties.secret().isBlank()) {
            boolean developmentProfile = Arrays.stream(environment.getActiveProfiles())
                    .anyMatch(PROFILES_ALLOWING_DEVELOPMENT_SECRET::contains);
            if (!developmentProfile) {
                throw new IllegalStateException("JWT_SECRET is not set. Set it to a random value of at least "
                        + AdminTokens.MIN_SECRET_BYTES + " bytes (e.g. `openssl rand -base64 48`), "
                        + "or run with the 'local' profile for development.");
            }
            log.warn("JWT_SECRET is not set: using the development secret of the '{}' profile",
                    String.join(",", environment.getActiveProfiles()));
            return new AdminTokens(new JwtProperties(DEVELOPMENT_SECRET, properties.issuer(), properties.ttl()));
        }
        return new AdminTokens(properties);
    }

    @Bean
    AdminAuthentication adminAuthentication(AdminTokens tokens) {
        return new AdminAuthentication(tokens);
    }
}
