package io.portfoliochat.gateway.error;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ErrorConfiguration {

    @Bean
    ProtocolErrorEnvelopes protocolErrorEnvelopes(JsonMapper jsonMapper) {
        return new ProtocolErrorEnvelopes(jsonMapper);
    }
}
