package io.portfoliochat.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * {@code /app/**} upgrades to a WebSocket proxied to the realtime service, here a small real
 * WebSocket server that greets each connection (as a Pusher server does) and echoes every frame.
 */
@ServiceIntegrationTest
class WebSocketProxyTest {

    static final BlockingQueue<Handshake> handshakes = new LinkedBlockingQueue<>();
    static final DisposableServer realtime = HttpServer.create().host("127.0.0.1").port(0)
            .route(routes -> routes.get("/app/{key}", (request, response) -> {
                Map<String, String> headers = new LinkedHashMap<>();
                request.requestHeaders().forEach(header -> headers.put(header.getKey().toLowerCase(), header.getValue()));
                handshakes.add(new Handshake(request.uri(), headers));
                return response.sendWebsocket((in, out) -> out.sendString(Flux.concat(
                        Flux.just("connected to " + request.param("key")),
                        in.receive().asString().map(text -> "echo:" + text))));
            }))
            .bindNow();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void realtimeService(DynamicPropertyRegistry registry) {
        registry.add("REALTIME_URL", () -> "http://127.0.0.1:" + realtime.port());
    }

    @AfterAll
    static void stopRealtime() {
        realtime.disposeNow();
    }

    @Test
    void appPathsUpgradeToAWebSocketThatCarriesFramesBothWays() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("X-Auth-Admin-Id", "999")
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-Correlation-Id", "ws-1")
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/app/portfolio-key?protocol=7&client=js&version=8.4.0"),
                        collectingInto(received))
                .get(30, TimeUnit.SECONDS);

        assertThat(received.poll(30, TimeUnit.SECONDS)).isEqualTo("connected to portfolio-key");
        socket.sendText("{\"event\":\"pusher:subscribe\"}", true).get(30, TimeUnit.SECONDS);
        assertThat(received.poll(30, TimeUnit.SECONDS)).isEqualTo("echo:{\"event\":\"pusher:subscribe\"}");
        socket.sendText("second", true).get(30, TimeUnit.SECONDS);
        assertThat(received.poll(30, TimeUnit.SECONDS)).isEqualTo("echo:second");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(30, TimeUnit.SECONDS);

        Handshake handshake = handshakes.poll(30, TimeUnit.SECONDS);
        assertThat(handshake).isNotNull();
        assertThat(handshake.uri()).isEqualTo("/app/portfolio-key?protocol=7&client=js&version=8.4.0");
        assertThat(handshake.headers()).doesNotContainKey("x-auth-admin-id")
                .containsEntry("x-forwarded-for", "127.0.0.1")
                .containsEntry("x-correlation-id", "ws-1");
    }

    private static WebSocket.Listener collectingInto(BlockingQueue<String> received) {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    received.add(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        };
    }

    record Handshake(String uri, Map<String, String> headers) {
    }
}
