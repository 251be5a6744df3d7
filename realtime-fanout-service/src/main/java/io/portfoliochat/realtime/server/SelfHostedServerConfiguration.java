package io.portfoliochat.realtime.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.portfoliochat.realtime.channel.PusherSignatures;
import io.portfoliochat.realtime.mode.ConditionalOnRealtimeMode;
import io.portfoliochat.realtime.mode.InstanceId;
import io.portfoliochat.realtime.mode.RealtimeMode;
import io.portfoliochat.realtime.mode.RealtimeProperties;
import io.portfoliochat.realtime.status.OwnerPresence;
import io.portfoliochat.support.kafka.KafkaSupportProperties;
import io.portfoliochat.support.kafka.TopicNames;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import tools.jackson.databind.json.JsonMapper;

/** Self-hosted mode: this service is a Pusher Channels server (WebSocket {@code /app/{key}} and the HTTP API). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRealtimeMode(RealtimeMode.SELF_HOSTED)
@EnableWebSocket
@EnableConfigurationProperties({SocketServerProperties.class, ClusterProperties.class})
class SelfHostedServerConfiguration {

    @Bean
    Frames frames(JsonMapper json) {
        return new Frames(json);
    }

    @Bean
    ChannelRegistry channelRegistry(Frames frames) {
        return new ChannelRegistry(frames);
    }

    @Bean
    OwnerPresence ownerPresence(ChannelRegistry registry) {
        return new OwnerPresenceOnThisServer(registry);
    }

    @Bean
    SocketServerMetrics socketServerMetrics(MeterRegistry meters) {
        return new SocketServerMetrics(meters);
    }

    /** Closing or pinging a socket may block on a dead peer; it never happens on a delivery or heartbeat thread. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService socketControl() {
        return Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "pusher-socket-control");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    Peers peers(ClusterProperties cluster, InstanceId instanceId, TopicNames topicNames, KafkaTemplate<String, byte[]> kafka,
                ChannelRegistry registry, JsonMapper json, KafkaProperties kafkaProperties, MeterRegistry meters) {
        if (!cluster.enabled()) {
            return Peers.NONE;
        }
        PeerRelay relay = new PeerRelay(instanceId.value(), topicNames.physical(ClusterProperties.RELAY_TOPIC), kafka, registry,
                json, cluster, kafkaProperties.buildConsumerProperties(), meters);
        registry.connectPeers(relay);
        return relay;
    }

    @Bean
    NewTopic realtimeRelayTopic(TopicNames topicNames, KafkaSupportProperties kafka) {
        return TopicBuilder.name(topicNames.physical(ClusterProperties.RELAY_TOPIC)).partitions(1)
                .replicas(kafka.replicationFactor()).config(TopicConfig.RETENTION_MS_CONFIG, "3600000").build();
    }

    @Bean
    PusherProtocolHandler pusherProtocolHandler(PusherSignatures signatures, SocketServerProperties properties,
                                                ChannelRegistry registry, Frames frames, JsonMapper json,
                                                ExecutorService socketControl, SocketServerMetrics metrics, Peers peers,
                                                RealtimeProperties realtime) {
        PusherProtocolHandler handler = new PusherProtocolHandler(signatures, properties, registry, frames, json, socketControl,
                metrics, peers, realtime.maxEventBytes());
        metrics.watchConnections(() -> handler.connections().size());
        return handler;
    }

    @Bean
    Heartbeat heartbeat(PusherProtocolHandler handler, Frames frames, SocketServerProperties properties) {
        return new Heartbeat(handler, frames, properties);
    }

    @Bean
    LocalChannelPublisher localChannelPublisher(ChannelRegistry registry, Frames frames, SocketServerMetrics metrics) {
        return new LocalChannelPublisher(registry, frames, metrics);
    }

    @Bean
    HttpApiAuthenticator httpApiAuthenticator(PusherSignatures signatures) {
        return new HttpApiAuthenticator(signatures, Clock.systemUTC());
    }

    /** Inbound frame size; no container idle timeout (the heartbeat decides when a socket is dead). */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer(SocketServerProperties properties) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize((int) properties.maxMessageSize().toBytes());
        container.setMaxBinaryMessageBufferSize((int) properties.maxMessageSize().toBytes());
        container.setAsyncSendTimeout(properties.sendTimeout().toMillis());
        container.setMaxSessionIdleTimeout(0L);
        return container;
    }

    @Bean
    WebSocketConfigurer pusherEndpoint(PusherProtocolHandler handler, RealtimeProperties properties) {
        return new WebSocketConfigurer() {
            @Override
            public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
                List<String> origins = properties.allowedOrigins();
                // Browsers send an Origin; one not listed is refused at the handshake (403). Clients without
                // an Origin (servers, the Java client) are not browsers and pass.
                registry.addHandler(handler, "/app/*").setAllowedOriginPatterns(origins.toArray(String[]::new));
            }
        };
    }
}
