package io.portfoliochat.realtime.server;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Scale-out of the self-hosted server: instances pass HTTP API publishes, client events and presence to
 * each other through a Kafka topic.
 *
 * @param enabled           relay between instances (harmless with one instance)
 * @param presenceSyncEvery how often each instance repeats its full presence list
 * @param peerTimeout       an instance silent for this long is considered gone, with its members
 * @param relayQueue        relay messages waiting for Kafka before new ones are dropped
 */
@ConfigurationProperties("portfoliochat.realtime.cluster")
record ClusterProperties(Boolean enabled, Duration presenceSyncEvery, Duration peerTimeout, Integer relayQueue) {

    static final String RELAY_TOPIC = io.portfoliochat.events.Topics.REALTIME_RELAY;

    ClusterProperties {
        enabled = enabled == null || enabled;
        presenceSyncEvery = presenceSyncEvery == null ? Duration.ofSeconds(10) : presenceSyncEvery;
        peerTimeout = peerTimeout == null ? presenceSyncEvery.multipliedBy(4) : peerTimeout;
        relayQueue = relayQueue == null ? 10_000 : relayQueue;
    }
}
