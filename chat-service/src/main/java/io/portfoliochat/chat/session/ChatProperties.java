package io.portfoliochat.chat.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param sessionExpiry how long a visitor session lives after its last use ({@code CHAT_SESSION_EXPIRY_DAYS}) */
@ConfigurationProperties("portfoliochat.chat")
public record ChatProperties(Duration sessionExpiry) {

    public ChatProperties {
        sessionExpiry = sessionExpiry == null ? Duration.ofDays(7) : sessionExpiry;
    }
}
