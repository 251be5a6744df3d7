package io.portfoliochat.gateway.routing;

import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    UnroutedPathsHandlerMapping unroutedPathsHandlerMapping(RouteLocator routeLocator,
                                                            RoutePredicateHandlerMapping gatewayRoutes) {
        return new UnroutedPathsHandlerMapping(routeLocator, gatewayRoutes.getOrder() + 1);
    }

    @Bean
    PathNormalizationWebFilter pathNormalizationWebFilter() {
        return new PathNormalizationWebFilter();
    }

    @Bean
    RequestTargetCheck requestTargetCheck(JsonMapper jsonMapper) {
        return new RequestTargetCheck(jsonMapper);
    }
}
