package io.portfoliochat.realtime.mode;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pusher         Pusher Channels (or any Pusher-compatible server) credentials; setting them selects Pusher mode
 * @param app            the app this service serves in self-hosted mode
 * @param publicEndpoint where browsers reach the self-hosted WebSocket (through the gateway); unset parts are
 *                       taken from the request's X-Forwarded-* / Host headers
 * @param allowedOrigins browser origins allowed to open WebSockets ({@code *} for any); requests without an
 *                       Origin (non-browser clients) are always allowed
 * @param maxEventBytes  the largest event data pushed as is (Pusher's limit); bigger events become a reference
 */
@ConfigurationProperties("portfoliochat.realtime")
public record RealtimeProperties(
        PusherCredentials pusher,
        SelfHostedApp app,
        PublicEndpoint publicEndpoint,
        List<String> allowedOrigins,
        Integer maxEventBytes) {

    public static final int PUSHER_MAX_EVENT_BYTES = 10 * 1024;

    public RealtimeProperties {
        pusher = pusher == null ? new PusherCredentials(null, null, null, null, null, null, null) : pusher;
        app = app == null ? new SelfHostedApp(null, null, null) : app;
        publicEndpoint = publicEndpoint == null ? new PublicEndpoint(null, null, null) : publicEndpoint;
        allowedOrigins = allowedOrigins == null ? List.of() : allowedOrigins.stream()
                .map(String::trim).filter(origin -> !origin.isEmpty()).toList();
        maxEventBytes = maxEventBytes == null ? PUSHER_MAX_EVENT_BYTES : maxEventBytes;
    }

    /**
     * @param cluster Pusher cluster, e.g. {@code eu}; the API host is {@code api-<cluster>.pusher.com}
     * @param host    overrides the API host for a Pusher-compatible server (Soketi, or this service self-hosted)
     * @param port    the API port with {@code host}
     * @param useTls  https to the API (default true)
     */
    public record PusherCredentials(String appId, String key, String secret, String cluster, String host, Integer port,
                                    Boolean useTls) {

        public PusherCredentials {
            useTls = useTls == null || useTls;
        }
    }

    /** Credentials of the built-in server: clients connect with the key; the secret signs and verifies. */
    public record SelfHostedApp(String id, String key, String secret) {
    }

    /**
     * @param tls true when browsers reach the WebSocket over wss
     */
    public record PublicEndpoint(String host, Integer port, Boolean tls) {
    }
}
