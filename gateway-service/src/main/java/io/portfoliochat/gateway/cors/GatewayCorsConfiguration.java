package io.portfoliochat.gateway.cors;

import io.portfoliochat.support.web.CorrelationId;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;

@Configuration(proxyBeanMethods = false)
class GatewayCorsConfiguration {

    @Bean
    EnvelopeCorsWebFilter corsWebFilter(CorsProperties properties) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(properties.allowedOrigins());
        configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH"));
        configuration.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.AUTHORIZATION,
                "X-Session-Token", CorrelationId.HEADER, "X-Requested-With"));
        configuration.setExposedHeaders(List.of(CorrelationId.HEADER, HttpHeaders.RETRY_AFTER));
        // Credentials travel in headers (session token, bearer token), never in cookies.
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(properties.maxAge());
        return new EnvelopeCorsWebFilter(configuration);
    }

    @Bean
    DownstreamCorsHeaders downstreamCorsHeaders() {
        return new DownstreamCorsHeaders();
    }
}
