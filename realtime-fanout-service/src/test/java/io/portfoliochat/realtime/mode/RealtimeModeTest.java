package io.portfoliochat.realtime.mode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class RealtimeModeTest {

    @Test
    void selfHostedWithoutPusherCredentials() {
        assertThat(RealtimeMode.resolve(new MockEnvironment())).isEqualTo(RealtimeMode.SELF_HOSTED);
        assertThat(RealtimeMode.resolve(new MockEnvironment().withProperty("portfoliochat.realtime.pusher.app-id", " ")))
                .isEqualTo(RealtimeMode.SELF_HOSTED);
    }

    @Test
    void pusherWithAllThreeCredentials() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("portfoliochat.realtime.pusher.app-id", "123")
                .withProperty("portfoliochat.realtime.pusher.key", "key")
                .withProperty("portfoliochat.realtime.pusher.secret", "secret");
        assertThat(RealtimeMode.resolve(environment)).isEqualTo(RealtimeMode.PUSHER);
    }

    @Test
    void halfConfiguredPusherIsRefusedNamingWhatIsMissing() {
        MockEnvironment environment = new MockEnvironment().withProperty("portfoliochat.realtime.pusher.key", "key");
        assertThatThrownBy(() -> RealtimeMode.resolve(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PUSHER_KEY set but PUSHER_APP_ID, PUSHER_SECRET missing");
    }
}
