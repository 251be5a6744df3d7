package io.portfoliochat.admin.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

    @Test
    void withoutForwardedForItIsThePeerAddress() {
        assertThat(ClientAddress.of(request(null), 1)).isEqualTo("172.18.0.5");
    }

    @Test
    void behindTheGatewayItIsTheHopTheGatewayAppended() {
        assertThat(ClientAddress.of(request("203.0.113.7"), 1)).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.of(request("1.2.3.4, 203.0.113.7"), 1)).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.of(request("2001:db8::1"), 1)).isEqualTo("2001:db8::1");
    }

    @Test
    void behindTwoProxiesItIsTheHopTheOuterOneAppended() {
        assertThat(ClientAddress.of(request("1.2.3.4, 203.0.113.7, 10.0.0.2"), 2)).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.of(request("203.0.113.7"), 2)).isEqualTo("203.0.113.7");
    }

    @Test
    void somethingThatIsNotAnAddressOrNoTrustedProxyFallsBackToThePeer() {
        assertThat(ClientAddress.of(request("evil\r\nlog line"), 1)).isEqualTo("172.18.0.5");
        assertThat(ClientAddress.of(request(" , "), 1)).isEqualTo("172.18.0.5");
        assertThat(ClientAddress.of(request("203.0.113.7"), 0)).isEqualTo("172.18.0.5");
    }

    private static MockHttpServletRequest request(String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/admin/login");
        request.setRemoteAddr("172.18.0.5");
        if (forwardedFor != null) {
            request.addHeader(ClientAddress.FORWARDED_FOR, forwardedFor);
        }
        return request;
    }
}
