package io.portfoliochat.realtime.mode;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.PropertyResolver;

/**
 * Where the events go. {@link #PUSHER} when the Pusher credentials are set (PUSHER_APP_ID, PUSHER_KEY,
 * PUSHER_SECRET): events are published to Pusher Channels, or to any Pusher-compatible server named by
 * PUSHER_HOST. Otherwise {@link #SELF_HOSTED}: this service is the Pusher-protocol server itself.
 */
public enum RealtimeMode {
    PUSHER("pusher"),
    SELF_HOSTED("self-hosted");

    static final String PUSHER_APP_ID = "portfoliochat.realtime.pusher.app-id";
    static final String PUSHER_KEY = "portfoliochat.realtime.pusher.key";
    static final String PUSHER_SECRET = "portfoliochat.realtime.pusher.secret";

    private final String wireName;

    RealtimeMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * Decides the mode from the configuration; half-configured Pusher credentials are a mistake worth
     * refusing to start over, not a reason to fall back silently.
     */
    public static RealtimeMode resolve(PropertyResolver properties) {
        List<String> set = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String[] credential : new String[][] {
                {PUSHER_APP_ID, "PUSHER_APP_ID"}, {PUSHER_KEY, "PUSHER_KEY"}, {PUSHER_SECRET, "PUSHER_SECRET"}}) {
            String value = properties.getProperty(credential[0], "");
            (value.isBlank() ? missing : set).add(credential[1]);
        }
        if (set.isEmpty()) {
            return SELF_HOSTED;
        }
        if (missing.isEmpty()) {
            return PUSHER;
        }
        throw new IllegalStateException("Pusher mode needs PUSHER_APP_ID, PUSHER_KEY and PUSHER_SECRET together: "
                + String.join(", ", set) + " set but " + String.join(", ", missing) + " missing. "
                + "Unset all three to run the built-in (self-hosted) Pusher-protocol server.");
    }
}
