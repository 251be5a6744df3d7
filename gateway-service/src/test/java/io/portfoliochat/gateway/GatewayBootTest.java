package io.portfoliochat.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ServiceIntegrationTest
class GatewayBootTest {

    @LocalServerPort
    int port;

    @Test
    void answersHealthUpWithReadinessAndLiveness() {
        TestHttp http = TestHttp.localhost(port);
        assertThat(http.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
        assertThat(http.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void exposesPrometheusMetrics() {
        TestHttp.Response metrics = TestHttp.localhost(port).get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("application=\"gateway-service\"");
    }
}
