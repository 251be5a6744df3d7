package io.portfoliochat.gateway.headers;

import org.springframework.web.server.ServerWebExchange;

/**
 * Where a request really comes from: the client's IP address, the scheme and host it used. Taken
 * from the TCP connection, or from a configured trusted proxy's forwarded headers; never from
 * headers an arbitrary client sends.
 *
 * @param clientIp the address rate limits and services see as the caller's
 * @param scheme   {@code http} or {@code https} as the client used it
 * @param host     the {@code Host} the client addressed (may include a port); empty when unknown
 */
public record ClientConnection(String clientIp, String scheme, String host) {

    static final String ATTRIBUTE = ClientConnection.class.getName();

    /** The connection settled by the gateway's first web filters for this request. */
    public static ClientConnection of(ServerWebExchange exchange) {
        ClientConnection connection = exchange.getAttribute(ATTRIBUTE);
        if (connection == null) {
            throw new IllegalStateException("The client connection has not been resolved for this request");
        }
        return connection;
    }

    /** The port the client addressed: from {@code host}, else the scheme's default. */
    public int port() {
        int colon = host.lastIndexOf(':');
        if (colon > 0 && colon > host.lastIndexOf(']')) {
            try {
                return Integer.parseInt(host.substring(colon + 1));
            } catch (NumberFormatException e) {
                // fall through to the scheme's default
            }
        }
        return secure() ? 443 : 80;
    }

    public boolean secure() {
        return "https".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme);
    }
}
