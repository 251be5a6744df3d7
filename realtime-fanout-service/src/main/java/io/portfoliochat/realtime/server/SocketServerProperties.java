package io.portfoliochat.realtime.server;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits and timings of the built-in Pusher-protocol server (self-hosted mode).
 *
 * @param activityTimeout       told to clients; the server pings a connection silent for this long
 * @param pongTimeout           after a ping, how long to wait for any sign of life before closing with 4201
 * @param clientEventsPerSecond client events one connection may send per second (Pusher: 10)
 * @param maxPresenceMembers    distinct users per presence channel (Pusher: 100)
 * @param maxUserInfoBytes      size of a presence member's user_info (Pusher: 1 KB)
 * @param maxQueuedFrames       frames waiting for a slow client before it is disconnected
 * @param maxQueuedBytes        bytes waiting for a slow client before it is disconnected
 * @param sendTimeout           how long one frame may take to write before the connection is dropped
 * @param maxMessageSize        the largest frame a client may send
 * @param maxHttpApiBody        the largest HTTP API request body
 */
@ConfigurationProperties("portfoliochat.realtime.server")
record SocketServerProperties(Duration activityTimeout, Duration pongTimeout, Integer clientEventsPerSecond,
                              Integer maxPresenceMembers, Integer maxUserInfoBytes, Integer maxQueuedFrames,
                              DataSize maxQueuedBytes, Duration sendTimeout, DataSize maxMessageSize,
                              DataSize maxHttpApiBody) {

    SocketServerProperties {
        activityTimeout = activityTimeout == null ? Duration.ofSeconds(120) : activityTimeout;
        if (activityTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("portfoliochat.realtime.server.activity-timeout must be at least 1s");
        }
        pongTimeout = pongTimeout == null ? Duration.ofSeconds(30) : pongTimeout;
        clientEventsPerSecond = clientEventsPerSecond == null ? 10 : clientEventsPerSecond;
        maxPresenceMembers = maxPresenceMembers == null ? 100 : maxPresenceMembers;
        maxUserInfoBytes = maxUserInfoBytes == null ? 1024 : maxUserInfoBytes;
        maxQueuedFrames = maxQueuedFrames == null ? 1000 : maxQueuedFrames;
        maxQueuedBytes = maxQueuedBytes == null ? DataSize.ofMegabytes(4) : maxQueuedBytes;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        maxMessageSize = maxMessageSize == null ? DataSize.ofKilobytes(16) : maxMessageSize;
        maxHttpApiBody = maxHttpApiBody == null ? DataSize.ofKilobytes(512) : maxHttpApiBody;
    }
}
