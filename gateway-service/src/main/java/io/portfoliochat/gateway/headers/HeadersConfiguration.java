package io.portfoliochat.gateway.headers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HeadersConfiguration {

    @Bean
    ClientConnectionWebFilter clientConnectionWebFilter(ForwardingProperties properties) {
        return new ClientConnectionWebFilter(new ClientConnectionResolver(properties.trustedProxies()));
    }

    @Bean
    SecurityHeadersWebFilter securityHeadersWebFilter(SecurityHeadersProperties properties) {
        return new SecurityHeadersWebFilter(properties);
    }

    @Bean
    ServiceRequestHeaders serviceRequestHeaders() {
        return new ServiceRequestHeaders();
    }
}
