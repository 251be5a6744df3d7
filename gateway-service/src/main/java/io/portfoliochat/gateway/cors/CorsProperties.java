package io.portfoliochat.gateway.cors;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which web origins may call the API from a browser ({@code ALLOWED_ORIGINS}, comma-separated,
 * e.g. {@code https://portfolio.example.com}). The origin of the gateway's own reference UI must
 * be listed too when it is reached under another name.
 *
 * @param allowedOrigins exact origins (scheme, host, port)
 * @param maxAge         how long browsers may cache a preflight answer
 */
@ConfigurationProperties("portfoliochat.gateway.cors")
record CorsProperties(List<String> allowedOrigins, Duration maxAge) {

    CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : allowedOrigins.stream()
                .map(String::trim)
                .filter(origin -> !origin.isEmpty())
                .map(origin -> origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin)
                .toList();
        maxAge = maxAge == null ? Duration.ofHours(1) : maxAge;
    }
}
