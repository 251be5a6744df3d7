package io.portfoliochat.gateway.headers;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Settles a request's {@link ClientConnection}. The peer of the TCP connection is the client unless
 * it is a trusted proxy; then the client is the right-most address in {@code X-Forwarded-For} that
 * is not itself a trusted proxy, because everything left of that could have been written by the
 * client.
 */
final class ClientConnectionResolver {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";
    static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String X_FORWARDED_HOST = "X-Forwarded-Host";
    static final String X_FORWARDED_PORT = "X-Forwarded-Port";
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final Optional<Pattern> trustedProxies;

    ClientConnectionResolver(String trustedProxiesRegex) {
        this.trustedProxies = trustedProxiesRegex == null || trustedProxiesRegex.isBlank()
                ? Optional.empty()
                : Optional.of(Pattern.compile(trustedProxiesRegex.trim()));
    }

    ClientConnection resolve(ServerHttpRequest request) {
        String peer = peerAddress(request);
        HttpHeaders headers = request.getHeaders();
        String scheme = request.getSslInfo() != null ? "https" : "http";
        String host = Optional.ofNullable(headers.getFirst(HttpHeaders.HOST))
                .or(() -> Optional.ofNullable(request.getURI().getRawAuthority()))
                .orElse("");
        if (!isTrusted(peer)) {
            return new ClientConnection(peer, scheme, host);
        }
        return new ClientConnection(
                clientBehindProxies(headers.getValuesAsList(X_FORWARDED_FOR)).orElse(peer),
                lastValue(headers, X_FORWARDED_PROTO).filter(proto -> proto.matches("(?i)https?")).orElse(scheme)
                        .toLowerCase(java.util.Locale.ROOT),
                lastValue(headers, X_FORWARDED_HOST).filter(forwarded -> forwarded.matches("[A-Za-z0-9.:\\[\\]-]{1,255}"))
                        .orElse(host));
    }

    private Optional<String> clientBehindProxies(List<String> forwardedFor) {
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(value -> hops.add(value.trim()));
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!IP_LITERAL.matcher(hop).matches()) {
                return Optional.empty();
            }
            if (!isTrusted(hop)) {
                return Optional.of(hop);
            }
        }
        return hops.isEmpty() ? Optional.empty() : Optional.of(hops.get(0));
    }

    private boolean isTrusted(String address) {
        return trustedProxies.map(pattern -> pattern.matcher(address).matches()).orElse(false);
    }

    private static Optional<String> lastValue(HttpHeaders headers, String name) {
        List<String> values = headers.getValuesAsList(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1).trim());
    }

    private static String peerAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
