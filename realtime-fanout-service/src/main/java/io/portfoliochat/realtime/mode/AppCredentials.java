package io.portfoliochat.realtime.mode;

/**
 * The Pusher app this service speaks for: Pusher's app in Pusher mode, its own in self-hosted mode.
 * The key is public (clients connect with it); the secret signs channel authorizations and API calls.
 */
public record AppCredentials(String appId, String key, String secret) {

    @Override
    public String toString() {
        return "AppCredentials[appId=" + appId + ", key=" + key + ", secret=***]";
    }
}
