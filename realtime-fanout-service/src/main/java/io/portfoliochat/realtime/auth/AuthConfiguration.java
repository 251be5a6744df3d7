package io.portfoliochat.realtime.auth;

import io.portfoliochat.realtime.channel.PusherSignatures;
import io.portfoliochat.support.security.AdminAuthentication;
import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChatServiceProperties.class)
class AuthConfiguration {

    @Bean
    VisitorSessions visitorSessions(RestClient.Builder restClients, ChatServiceProperties properties) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
        requests.setReadTimeout(properties.readTimeout());
        RestClient chatService = restClients.clone().baseUrl(properties.url()).requestFactory(requests).build();
        return new VisitorSessions(chatService, properties, Clock.systemUTC());
    }

    @Bean
    ChannelAccessPolicy channelAccessPolicy(AdminAuthentication adminAuthentication, VisitorSessions visitorSessions,
                                            PusherSignatures signatures, JsonMapper json) {
        return new ChannelAccessPolicy(adminAuthentication, visitorSessions, signatures, json);
    }
}
