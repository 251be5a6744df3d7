package io.portfoliochat.realtime.testing;

import com.pusher.rest.Pusher;
import io.portfoliochat.realtime.mode.AppCredentials;
import io.portfoliochat.testsupport.TestAdminTokens;
import java.util.Map;

/** Shared set-ups: the HTTP API publisher (pusher-http-java) and authorization headers. */
public final class RealtimeTestSupport {

    private RealtimeTestSupport() {
    }

    /** pusher-http-java publishing into the self-hosted server at {@code localhost:port}. */
    public static Pusher httpApi(int port, AppCredentials credentials) {
        Pusher pusher = new Pusher(credentials.appId(), credentials.key(), credentials.secret());
        pusher.setHost("localhost:" + port);
        pusher.setEncrypted(false);
        return pusher;
    }

    public static Map<String, String> admin() {
        return Map.of("Authorization", TestAdminTokens.bearer(TestAdminTokens.valid()));
    }

    public static Map<String, String> admin(long id, String name) {
        return Map.of("Authorization", TestAdminTokens.bearer(TestAdminTokens.valid(
                new io.portfoliochat.support.security.AdminPrincipal(id, name, "admin" + id + "@example.com"))));
    }

    public static Map<String, String> visitor(String sessionToken) {
        return Map.of("X-Session-Token", sessionToken);
    }
}
