package io.portfoliochat.realtime.clientconfig;

import io.portfoliochat.realtime.mode.AppCredentials;
import io.portfoliochat.realtime.mode.RealtimeMode;
import io.portfoliochat.realtime.mode.RealtimeProperties;
import io.portfoliochat.realtime.mode.RealtimeProperties.PublicEndpoint;
import io.portfoliochat.realtime.mode.RealtimeProperties.PusherCredentials;
import io.portfoliochat.support.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/chat/config} (public): how to configure pusher-js for this deployment, at run time. */
@RestController
class ClientConfigController {

    static final String AUTH_ENDPOINT = "/api/pusher/auth";
    /** pusher-js insists on a cluster even when wsHost points elsewhere; self-hosted it is not used. */
    static final String SELF_HOSTED_CLUSTER = "self-hosted";
    private static final List<String> TRANSPORTS = List.of("ws", "wss");
    private static final Pattern HOST_AND_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+)(?::(\\d{1,5}))?");

    private final RealtimeMode mode;
    private final AppCredentials credentials;
    private final RealtimeProperties properties;

    ClientConfigController(RealtimeMode mode, AppCredentials credentials, RealtimeProperties properties) {
        this.mode = mode;
        this.credentials = credentials;
        this.properties = properties;
    }

    @Operation(summary = "Pusher client settings for front ends")
    @GetMapping("/api/chat/config")
    ApiResponse<ClientConfig> config(HttpServletRequest request) {
        return ApiResponse.ok(mode == RealtimeMode.PUSHER ? pusherConfig() : selfHostedConfig(request));
    }

    private ClientConfig pusherConfig() {
        PusherCredentials pusher = properties.pusher();
        boolean customHost = pusher.host() != null && !pusher.host().isBlank();
        String cluster = pusher.cluster() == null || pusher.cluster().isBlank() ? "mt1" : pusher.cluster().trim();
        return new ClientConfig(credentials.key(), cluster, customHost ? pusher.host().trim() : null,
                customHost ? pusher.port() : null, customHost ? pusher.port() : null, pusher.useTls(), TRANSPORTS,
                AUTH_ENDPOINT, mode.wireName());
    }

    /** Where the browser reached us (through the gateway), unless configured explicitly. */
    private ClientConfig selfHostedConfig(HttpServletRequest request) {
        PublicEndpoint endpoint = properties.publicEndpoint();
        boolean tls = endpoint.tls() != null ? endpoint.tls()
                : "https".equalsIgnoreCase(firstValue(request.getHeader("X-Forwarded-Proto"))) || request.isSecure();
        String host = blank(endpoint.host()) ? null : endpoint.host().trim();
        Integer port = endpoint.port();
        Matcher forwarded = hostAndPort(firstValue(request.getHeader("X-Forwarded-Host")));
        Matcher direct = hostAndPort(request.getHeader("Host"));
        Matcher seen = forwarded != null ? forwarded : direct;
        if (host == null) {
            host = seen != null ? seen.group(1) : request.getServerName();
        }
        if (port == null) {
            port = parsePort(firstValue(request.getHeader("X-Forwarded-Port")));
        }
        if (port == null && seen != null && seen.group(2) != null) {
            port = parsePort(seen.group(2));
        }
        if (port == null) {
            port = forwarded != null || request.getHeader("X-Forwarded-Proto") != null ? (tls ? 443 : 80) : request.getServerPort();
        }
        return new ClientConfig(credentials.key(), SELF_HOSTED_CLUSTER, host, port, port, tls, TRANSPORTS, AUTH_ENDPOINT,
                mode.wireName());
    }

    private static Matcher hostAndPort(String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = HOST_AND_PORT.matcher(value.trim());
        return matcher.matches() ? matcher : null;
    }

    private static Integer parsePort(String value) {
        if (value == null || !value.trim().matches("\\d{1,5}")) {
            return null;
        }
        int port = Integer.parseInt(value.trim());
        return port > 0 && port <= 65535 ? port : null;
    }

    private static String firstValue(String header) {
        if (header == null) {
            return null;
        }
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).trim();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
