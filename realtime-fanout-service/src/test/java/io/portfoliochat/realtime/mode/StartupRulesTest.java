package io.portfoliochat.realtime.mode;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portfoliochat.realtime.RealtimeFanoutApplication;
import io.portfoliochat.testsupport.TestAdminTokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The service refuses to start on configuration that would make it insecure or ambiguous. */
class StartupRulesTest {

    private static void start(String profile, Map<String, Object> properties) {
        Map<String, Object> all = new java.util.HashMap<>(Map.of(
                "server.port", 0,
                "spring.kafka.bootstrap-servers", "127.0.0.1:1",
                "portfoliochat.security.jwt.secret", TestAdminTokens.SECRET));
        all.putAll(properties);
        String[] arguments = all.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toArray(String[]::new);
        new SpringApplicationBuilder(RealtimeFanoutApplication.class).profiles(profile).run(arguments).close();
    }

    @Test
    void selfHostedOutsideLocalAndTestNeedsARealtimeSecret() {
        assertThatThrownBy(() -> start("production", Map.of())).hasStackTraceContaining("REALTIME_APP_SECRET is not set");
    }

    @Test
    void halfConfiguredPusherCredentialsAreRefused() {
        assertThatThrownBy(() -> start("test", Map.of("portfoliochat.realtime.pusher.key", "only-the-key")))
                .hasStackTraceContaining("PUSHER_APP_ID, PUSHER_KEY and PUSHER_SECRET together");
    }
}
