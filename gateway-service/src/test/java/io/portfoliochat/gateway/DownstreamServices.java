package io.portfoliochat.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.portfoliochat.testsupport.TestHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The four services behind the gateway as WireMock servers on random ports. Each answers every
 * request with a success envelope naming itself, so a test sees both which service the gateway
 * chose and, in the server's journal, exactly what that service received.
 */
public final class DownstreamServices implements AutoCloseable {

    public static final String CHAT = "chat-service";
    public static final String ADMIN = "admin-service";
    public static final String AI = "ai-responder-service";
    public static final String REALTIME = "realtime-fanout-service";

    private static final Map<String, String> URL_PROPERTIES = Map.of(
            CHAT, "CHAT_SERVICE_URL", ADMIN, "ADMIN_SERVICE_URL", AI, "AI_RESPONDER_URL", REALTIME, "REALTIME_URL");

    private final Map<String, WireMockServer> servers = new LinkedHashMap<>();

    private DownstreamServices() {
        for (String service : List.of(CHAT, ADMIN, AI, REALTIME)) {
            WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                    .containerThreads(12).jettyAcceptors(1));
            server.start();
            servers.put(service, server);
        }
        answerAsThemselves();
    }

    private static DownstreamServices shared;

    /** Servers of the test alone; it closes them. */
    public static DownstreamServices start() {
        return new DownstreamServices();
    }

    /** The servers every test class of this JVM shares (each test resets them), stopped when the JVM exits. */
    public static synchronized DownstreamServices shared() {
        if (shared == null) {
            DownstreamServices services = new DownstreamServices();
            Runtime.getRuntime().addShutdownHook(new Thread(services::close, "downstream-services-shutdown"));
            shared = services;
        }
        return shared;
    }

    /** Points the gateway's service addresses at the stubs. */
    public void register(DynamicPropertyRegistry registry) {
        servers.forEach((service, server) -> registry.add(URL_PROPERTIES.get(service), server::baseUrl));
    }

    /** The same, as command-line arguments for another gateway instance started by the test. */
    public List<String> asCommandLineArguments() {
        return servers.entrySet().stream()
                .map(entry -> "--" + URL_PROPERTIES.get(entry.getKey()) + "=" + entry.getValue().baseUrl())
                .toList();
    }

    public WireMockServer server(String service) {
        return servers.get(service);
    }

    /** Every request the service received, oldest first. */
    public List<LoggedRequest> received(String service) {
        return server(service).findAll(anyRequestedFor(anyUrl()));
    }

    /** Every request any of the services received. */
    public List<LoggedRequest> receivedByAll() {
        return servers.keySet().stream().flatMap(service -> received(service).stream()).toList();
    }

    public int totalReceived() {
        return servers.keySet().stream().mapToInt(service -> received(service).size()).sum();
    }

    /** Forgets received requests and custom stubs; every service answers as itself again. */
    public void reset() {
        servers.values().forEach(WireMockServer::resetAll);
        answerAsThemselves();
    }

    private void answerAsThemselves() {
        servers.forEach((service, server) -> server.stubFor(any(anyUrl()).atPriority(10)
                .willReturn(okJson("{\"success\":true,\"data\":{\"service\":\"" + service + "\"}}"))));
    }

    @Override
    public void close() {
        servers.values().forEach(WireMockServer::stop);
    }

    /** A client for the gateway on the IPv4 loopback, so the caller's address is known: 127.0.0.1. */
    public static TestHttp gateway(int port) {
        return new TestHttp("http://127.0.0.1:" + port);
    }

    /** A local port nothing listens on. */
    public static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
