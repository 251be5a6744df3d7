package io.portfoliochat.gateway.routing;

import io.portfoliochat.gateway.error.RequestRejected;
import io.portfoliochat.support.web.ApiException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.handler.AbstractHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Paths that belong to services ({@code /api/**}, {@code /app/**}, {@code /apps/**}) or must never
 * leave the deployment ({@code /internal/**}) and that no route took end here, right after the
 * gateway's routes and before static content: 405 with {@code Allow} when the path has routes for
 * other methods, else 404. So an API path never falls through to the static UI.
 */
final class UnroutedPathsHandlerMapping extends AbstractHandlerMapping {

    private static final List<PathPattern> SERVICE_PATHS = parse("/api/**", "/internal/**", "/app/**", "/apps/**");
    private static final List<HttpMethod> METHODS =
            List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final RouteLocator routeLocator;
    private final WebHandler refusal = this::refuse;

    UnroutedPathsHandlerMapping(RouteLocator routeLocator, int order) {
        this.routeLocator = routeLocator;
        setOrder(order);
    }

    @Override
    protected Mono<?> getHandlerInternal(ServerWebExchange exchange) {
        var path = exchange.getRequest().getPath().pathWithinApplication();
        return SERVICE_PATHS.stream().anyMatch(pattern -> pattern.matches(path)) ? Mono.just(refusal) : Mono.empty();
    }

    private Mono<Void> refuse(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        return allowedMethods(exchange).flatMap(allowed -> {
            if (allowed.isEmpty()) {
                return Mono.error(ApiException.notFound("No such endpoint: " + path));
            }
            HttpHeaders headers = new HttpHeaders();
            headers.setAllow(new LinkedHashSet<>(allowed));
            return Mono.error(new RequestRejected(HttpStatus.METHOD_NOT_ALLOWED, "Method "
                    + exchange.getRequest().getMethod().name() + " is not allowed on " + path + " (allowed: "
                    + allowed.stream().map(HttpMethod::name).collect(Collectors.joining(", ")) + ")", headers));
        });
    }

    /** The methods some route accepts for this path: the request's predicates tried with each method. */
    private Mono<List<HttpMethod>> allowedMethods(ServerWebExchange exchange) {
        return Flux.fromIterable(METHODS)
                .filterWhen(method -> {
                    ServerWebExchange withMethod = exchange.mutate().request(request -> request.method(method)).build();
                    return routeLocator.getRoutes()
                            .filterWhen(route -> route.getPredicate().apply(withMethod))
                            .hasElements();
                })
                .collectList();
    }

    private static List<PathPattern> parse(String... patterns) {
        return Arrays.stream(patterns).map(PathPatternParser.defaultInstance::parse).toList();
    }
}
