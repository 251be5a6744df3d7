package io.portfoliochat.realtime.clientconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.realtime.mode.AppCredentials;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/chat/config} in self-hosted mode: pusher-js is pointed at where the browser reached the gateway. */
@ServiceIntegrationTest
class ClientConfigTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    AppCredentials credentials;

    @Test
    void behindTheGatewayTheWebSocketIsWhereTheBrowserCameFrom() {
        TestHttp.Response response = TestHttp.localhost(port).get("/api/chat/config",
                "X-Forwarded-Host", "chat.example.com", "X-Forwarded-Proto", "https", "X-Forwarded-Port", "443");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data()).isEqualTo(JSON.readTree("""
                {"pusherKey":"%s","pusherCluster":"self-hosted","wsHost":"chat.example.com","wsPort":443,"wssPort":443,
                 "forceTLS":true,"enabledTransports":["ws","wss"],"authEndpoint":"/api/pusher/auth","mode":"self-hosted"}"""
                .formatted(credentials.key())));
    }

    @Test
    void aForwardedHostWithAPortGivesThatPort() {
        JsonNode config = TestHttp.localhost(port).get("/api/chat/config",
                "X-Forwarded-Host", "localhost:8080", "X-Forwarded-Proto", "http").data();
        assertThat(config.get("wsHost").asString()).isEqualTo("localhost");
        assertThat(config.get("wsPort").asInt()).isEqualTo(8080);
        assertThat(config.get("forceTLS").asBoolean()).isFalse();
    }

    @Test
    void calledDirectlyItPointsAtThisServer() {
        JsonNode config = TestHttp.localhost(port).get("/api/chat/config").data();
        assertThat(config.get("wsHost").asString()).isEqualTo("localhost");
        assertThat(config.get("wsPort").asInt()).isEqualTo(port);
        assertThat(config.get("forceTLS").asBoolean()).isFalse();
    }

    @Test
    void nonsenseInForwardedHeadersIsIgnored() {
        JsonNode config = TestHttp.localhost(port).get("/api/chat/config",
                "X-Forwarded-Host", "evil.example/<script>", "X-Forwarded-Port", "99999").data();
        assertThat(config.get("wsHost").asString()).isEqualTo("localhost");
        assertThat(config.get("wsPort").asInt()).isEqualTo(port);
    }
}
