package io.portfoliochat.realtime.pusher;

import com.pusher.rest.Pusher;
import io.micrometer.core.instrument.MeterRegistry;
import io.portfoliochat.realtime.mode.AppCredentials;
import io.portfoliochat.realtime.mode.ConditionalOnRealtimeMode;
import io.portfoliochat.realtime.mode.RealtimeMode;
import io.portfoliochat.realtime.mode.RealtimeProperties;
import io.portfoliochat.realtime.mode.RealtimeProperties.PusherCredentials;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Pusher mode: events go to Pusher Channels, or to the Pusher-compatible server named by PUSHER_HOST. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRealtimeMode(RealtimeMode.PUSHER)
@EnableConfigurationProperties(PublishProperties.class)
class PusherModeConfiguration {

    @Bean
    Pusher pusherHttpClient(AppCredentials credentials, RealtimeProperties properties, PublishProperties publish) {
        PusherCredentials pusher = properties.pusher();
        Pusher client = new Pusher(credentials.appId(), credentials.key(), credentials.secret());
        // Event data is already JSON; the default marshaller would encode it a second time.
        client.setDataMarshaller(data -> (String) data);
        if (pusher.host() != null && !pusher.host().isBlank()) {
            client.setHost(pusher.port() == null ? pusher.host().trim() : pusher.host().trim() + ":" + pusher.port());
        } else if (pusher.cluster() != null && !pusher.cluster().isBlank()) {
            client.setCluster(pusher.cluster().trim());
        }
        client.setEncrypted(pusher.useTls());
        client.setRequestTimeout((int) publish.requestTimeout().toMillis());
        return client;
    }

    @Bean
    PusherChannelsPublisher pusherChannelsPublisher(Pusher pusherHttpClient, PublishProperties publish, MeterRegistry meters) {
        return new PusherChannelsPublisher(pusherHttpClient, publish, meters);
    }
}
