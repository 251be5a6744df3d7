package io.portfoliochat.realtime.clientconfig;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a front end passes to {@code new Pusher(pusherKey, {...})}: in self-hosted mode where the
 * WebSocket is (through the gateway); in Pusher mode the key and cluster (and a Pusher-compatible host
 * if one is configured).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ClientConfig(String pusherKey, String pusherCluster, String wsHost, Integer wsPort, Integer wssPort, boolean forceTLS,
                    List<String> enabledTransports, String authEndpoint, String mode) {
}
