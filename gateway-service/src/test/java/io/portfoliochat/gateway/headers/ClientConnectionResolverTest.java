package io.portfoliochat.gateway.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientConnectionResolverTest {

    private static final String PROXIES = "10\\.0\\.0\\.\\d+";

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverHeadersSay() {
        ClientConnection connection = new ClientConnectionResolver("").resolve(request("203.0.113.7")
                .header("X-Forwarded-For", "6.6.6.6").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "evil.example").build());

        assertThat(connection).isEqualTo(new ClientConnection("203.0.113.7", "http", "chat.example.com"));
        assertThat(connection.secure()).isFalse();
        assertThat(connection.port()).isEqualTo(80);
        assertThat(new ClientConnection("::1", "http", "[::1]:8080").port()).isEqualTo(8080);
    }

    @Test
    void aTrustedProxysHeadersAreBelievedAndTheClientIsTheRightMostUntrustedHop() {
        ClientConnection connection = new ClientConnectionResolver(PROXIES).resolve(request("10.0.0.5")
                .header("X-Forwarded-For", "6.6.6.6, 203.0.113.7, 10.0.0.9")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "portfolio.example.com").build());

        assertThat(connection).isEqualTo(new ClientConnection("203.0.113.7", "https", "portfolio.example.com"));
        assertThat(connection.secure()).isTrue();
        assertThat(connection.port()).isEqualTo(443);
    }

    @Test
    void anUntrustedPeerCannotPassForAProxy() {
        ClientConnection connection = new ClientConnectionResolver(PROXIES).resolve(request("203.0.113.7")
                .header("X-Forwarded-For", "198.51.100.1").build());

        assertThat(connection.clientIp()).isEqualTo("203.0.113.7");
    }

    @Test
    void aTrustedProxyWithoutUsableForwardedForCountsAsTheClient() {
        ClientConnectionResolver resolver = new ClientConnectionResolver(PROXIES);

        assertThat(resolver.resolve(request("10.0.0.5").build()).clientIp()).isEqualTo("10.0.0.5");
        assertThat(resolver.resolve(request("10.0.0.5").header("X-Forwarded-For", "<script>").build()).clientIp())
                .isEqualTo("10.0.0.5");
        assertThat(resolver.resolve(request("10.0.0.5").header("X-Forwarded-Proto", "gopher").build()).scheme())
                .isEqualTo("http");
    }

    private static MockServerHttpRequest.BaseBuilder<?> request(String peer) {
        return MockServerHttpRequest.get("http://chat.example.com/api/portfolio")
                .remoteAddress(new InetSocketAddress(peer, 40000));
    }
}
