package io.portfoliochat.admin.login;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address a login came from. Behind {@code trustedProxies} reverse proxies (the gateway), each
 * appends the address it received the request from to {@code X-Forwarded-For}; the entry the
 * outermost trusted proxy appended is the client. Entries further left were sent by the client
 * itself and could be anything, so they are never trusted.
 */
final class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final Pattern IP_ADDRESS = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

    private ClientAddress() {
    }

    static String of(HttpServletRequest request, int trustedProxies) {
        String forwardedFor = request.getHeader(FORWARDED_FOR);
        if (trustedProxies > 0 && forwardedFor != null && !forwardedFor.isBlank()) {
            List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::trim).filter(hop -> !hop.isEmpty()).toList();
            if (!hops.isEmpty()) {
                String client = hops.get(Math.max(0, hops.size() - trustedProxies));
                if (IP_ADDRESS.matcher(client).matches()) {
                    return client;
                }
            }
        }
        return request.getRemoteAddr();
    }
}
