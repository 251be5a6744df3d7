package io.portfoliochat.gateway.ui;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.HEAD;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The reference UI's pages at their short addresses: {@code /chat} (visitors) and
 * {@code /admin/chat} (the owner). Their assets and {@code /} are plain static content from
 * {@code classpath:/static}.
 */
@Configuration(proxyBeanMethods = false)
class ReferenceUiRoutes {

    @Bean
    RouterFunction<ServerResponse> referenceUiPages() {
        return RouterFunctions.route(pageAt("/chat"), request -> page("static/chat/index.html"))
                .andRoute(pageAt("/admin/chat"), request -> page("static/admin/chat/index.html"));
    }

    /** The address with or without a trailing slash, for GET and HEAD. */
    private static RequestPredicate pageAt(String path) {
        return GET(path).or(GET(path + "/")).or(HEAD(path)).or(HEAD(path + "/"));
    }

    private static Mono<ServerResponse> page(String location) {
        Resource page = new ClassPathResource(location);
        return ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page);
    }
}
