package io.portfoliochat.realtime.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * chat-service, asked who a visitor session belongs to.
 *
 * @param url             chat-service's own address (internal, not through the gateway)
 * @param sessionCacheTtl how long a looked-up session is trusted before asking again
 */
@ConfigurationProperties("portfoliochat.realtime.chat-service")
record ChatServiceProperties(String url, Duration connectTimeout, Duration readTimeout, Duration sessionCacheTtl,
                             Integer sessionCacheSize) {

    ChatServiceProperties {
        url = url == null || url.isBlank() ? "http://127.0.0.1:8081" : url.trim();
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(3) : readTimeout;
        sessionCacheTtl = sessionCacheTtl == null ? Duration.ofSeconds(30) : sessionCacheTtl;
        sessionCacheSize = sessionCacheSize == null ? 10_000 : sessionCacheSize;
    }
}
