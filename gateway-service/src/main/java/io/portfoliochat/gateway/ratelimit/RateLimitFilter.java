package io.portfoliochat.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.portfoliochat.gateway.auth.Caller;
import io.portfoliochat.gateway.correlation.Correlation;
import io.portfoliochat.gateway.error.RequestRejected;
import io.portfoliochat.gateway.headers.ClientConnection;
import io.portfoliochat.gateway.ratelimit.RateLimitProperties.Quota;
import io.portfoliochat.gateway.ratelimit.SlidingWindowLimiter.Decision;
import io.portfoliochat.gateway.routing.RouteMetadata;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Applies the route's {@code rate-limit} after auth at the edge: messages per visitor session (or
 * per admin, with the admin's own quota), new sessions and login attempts per client IP. A refusal
 * is a 429 envelope with {@code Retry-After} in seconds.
 */
final class RateLimitFilter implements GlobalFilter, Ordered {

    static final int ORDER = -200;
    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final SlidingWindowLimiter limiter;
    private final RateLimitProperties properties;
    private final MeterRegistry meterRegistry;

    RateLimitFilter(SlidingWindowLimiter limiter, RateLimitProperties properties, MeterRegistry meterRegistry,
                    GatewayProperties gatewayProperties) {
        this.limiter = limiter;
        this.properties = properties;
        this.meterRegistry = meterRegistry;
        gatewayProperties.getRoutes().forEach(RateLimitFilter::requireKnownAction);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Optional<LimitedAction> action = RouteMetadata.value(exchange, RouteMetadata.RATE_LIMIT)
                .flatMap(LimitedAction::fromMetadata);
        if (action.isEmpty()) {
            return chain.filter(exchange);
        }
        Bucket bucket = bucketFor(action.get(), exchange);
        return limiter.tryAcquire(bucket.key(), bucket.quotas()).flatMap(decision -> decision.admitted()
                ? chain.filter(exchange)
                : Mono.error(refusal(exchange, action.get(), decision)));
    }

    private Bucket bucketFor(LimitedAction action, ServerWebExchange exchange) {
        String clientIp = ClientConnection.of(exchange).clientIp();
        Optional<Caller> caller = Caller.of(exchange);
        return switch (action) {
            case MESSAGES -> caller.flatMap(Caller::admin)
                    .map(admin -> new Bucket(action.key() + ":admin:" + admin.id(), properties.messagesPerAdmin()))
                    .or(() -> caller.flatMap(Caller::sessionToken).map(token ->
                            new Bucket(action.key() + ":session:" + fingerprint(token), properties.messagesPerSession())))
                    .orElseGet(() -> new Bucket(action.key() + ":ip:" + clientIp, properties.messagesPerSession()));
            case SESSIONS -> new Bucket(action.key() + ":ip:" + clientIp, properties.sessionsPerClientIp());
            case LOGINS -> new Bucket(action.key() + ":ip:" + clientIp, properties.loginsPerClientIp());
        };
    }

    private RequestRejected refusal(ServerWebExchange exchange, LimitedAction action, Decision decision) {
        meterRegistry.counter("gateway.rate.limit.refusals", "action", action.key()).increment();
        long seconds = decision.retryAfterSeconds();
        Correlation.log(exchange, () -> log.info("Refused {} {}: {} quota of {} per {} used up",
                exchange.getRequest().getMethod(), exchange.getRequest().getPath(), action.key(),
                decision.refusedBy().limit(), describe(decision.refusedBy().window())));
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        Quota quota = decision.refusedBy();
        return new RequestRejected(HttpStatus.TOO_MANY_REQUESTS, action.refusal() + ": at most " + quota.limit()
                + " per " + describe(quota.window()) + ". Please try again in " + seconds
                + (seconds == 1 ? " second." : " seconds."), headers);
    }

    static String describe(Duration window) {
        if (window.equals(Duration.ofMinutes(1))) {
            return "minute";
        }
        if (window.equals(Duration.ofHours(1))) {
            return "hour";
        }
        if (window.equals(Duration.ofDays(1))) {
            return "day";
        }
        return window.toMillis() % 1000 == 0 ? window.toSeconds() + " seconds" : window.toMillis() + " ms";
    }

    /** Session tokens are bearer secrets: Redis keys carry a digest, never the token itself. */
    private static String fingerprint(String sessionToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionToken.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void requireKnownAction(RouteDefinition route) {
        Object action = route.getMetadata().get(RouteMetadata.RATE_LIMIT);
        if (action != null && LimitedAction.fromMetadata(action.toString().trim()).isEmpty()) {
            throw new IllegalStateException("Gateway route '" + route.getId() + "' has an unknown "
                    + RouteMetadata.RATE_LIMIT + " '" + action + "'; known: " + LimitedAction.allowedValues());
        }
    }

    private record Bucket(String key, List<Quota> quotas) {
    }
}
