package io.portfoliochat.realtime.mode;

import io.portfoliochat.realtime.channel.PusherSignatures;
import io.portfoliochat.realtime.mode.RealtimeProperties.PusherCredentials;
import io.portfoliochat.realtime.mode.RealtimeProperties.SelfHostedApp;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The active mode and the app credentials of that mode, checked once at start-up. */
@Configuration(proxyBeanMethods = false)
class ModeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ModeConfiguration.class);

    @Bean
    RealtimeMode realtimeMode(Environment environment) {
        RealtimeMode mode = RealtimeMode.resolve(environment);
        log.info("Realtime mode: {}", mode.wireName());
        return mode;
    }

    @Bean
    AppCredentials appCredentials(RealtimeMode mode, RealtimeProperties properties) {
        if (mode == RealtimeMode.PUSHER) {
            PusherCredentials pusher = properties.pusher();
            return new AppCredentials(pusher.appId().trim(), pusher.key().trim(), pusher.secret().trim());
        }
        SelfHostedApp app = properties.app();
        if (app.secret() == null || app.secret().isBlank()) {
            throw new IllegalStateException("REALTIME_APP_SECRET is not set. The built-in Pusher-protocol server signs "
                    + "channel authorizations and verifies API calls with it: set it to a random value "
                    + "(e.g. `openssl rand -hex 32`), set PUSHER_APP_ID/PUSHER_KEY/PUSHER_SECRET to use Pusher "
                    + "Channels instead, or run with the 'local' profile for development.");
        }
        if (blank(app.id()) || blank(app.key())) {
            throw new IllegalStateException("REALTIME_APP_ID and REALTIME_APP_KEY must not be empty");
        }
        return new AppCredentials(app.id().trim(), app.key().trim(), app.secret().trim());
    }

    @Bean
    PusherSignatures pusherSignatures(AppCredentials credentials) {
        return new PusherSignatures(credentials.key(), credentials.secret());
    }

    /** Tells this instance apart from its peers (self-hosted scale-out). */
    @Bean
    InstanceId instanceId() {
        return new InstanceId(UUID.randomUUID().toString());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
