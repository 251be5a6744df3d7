package io.portfoliochat.gateway.headers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.portfoliochat.gateway.DownstreamServices;
import io.portfoliochat.gateway.GatewayWithStubbedServices;
import io.portfoliochat.gateway.RecordedLogs;
import io.portfoliochat.testsupport.TestAdminTokens;
import io.portfoliochat.testsupport.TestHttp;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HeadersTest extends GatewayWithStubbedServices {

    /** Headers a client could send hoping a service takes them as the gateway's word. */
    static final String[] SPOOFED = {
            "X-Auth-Admin-Id", "999",
            "x-auth-admin-name", "Mallory",
            "X-AUTH-ROLE", "admin",
            "X-Auth-Anything-New", "yes",
            "X-Visitor-Id", "visitor-of-someone-else",
            "X-Forwarded-User", "root",
            "X-Remote-User", "root",
            "X-Forwarded-For", "6.6.6.6",
            "X-Forwarded-Host", "evil.example",
            "X-Forwarded-Proto", "https",
            "X-Forwarded-Prefix", "/evil",
            "Forwarded", "for=6.6.6.6;proto=https",
            "X-Real-IP", "6.6.6.6",
            "True-Client-IP", "6.6.6.6"};

    @Test
    void spoofedIdentityAndAddressHeadersNeverReachAService() {
        assertThat(gateway().get("/api/portfolio", SPOOFED).status()).isEqualTo(200);

        LoggedRequest received = onlyRequestTo(DownstreamServices.ADMIN);
        for (String name : List.of("X-Auth-Admin-Id", "X-Auth-Admin-Name", "X-Auth-Role", "X-Auth-Anything-New",
                "X-Visitor-Id", "X-Forwarded-User", "X-Remote-User", "X-Forwarded-Prefix", "Forwarded", "X-Real-IP",
                "True-Client-IP")) {
            assertThat(received.containsHeader(name)).as(name).isFalse();
        }
        assertThat(received.getHeaders().getHeader("X-Forwarded-For").values()).containsExactly("127.0.0.1");
        assertThat(received.getHeader("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.getHeader("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
        assertThat(received.getHeader("X-Forwarded-Port")).isEqualTo(Integer.toString(port));
    }

    @Test
    void theAdminIdentityAServiceSeesIsTheOneTheGatewayVerifiedNotTheOneSent() {
        String[] headers = withAuthorization(SPOOFED, TestAdminTokens.bearer(TestAdminTokens.valid()));

        assertThat(gateway().get("/api/chat/settings", headers).status()).isEqualTo(200);

        LoggedRequest received = onlyRequestTo(DownstreamServices.ADMIN);
        assertThat(received.getHeaders().getHeader("X-Auth-Admin-Id").values()).containsExactly("1");
        assertThat(received.getHeaders().getHeader("X-Auth-Admin-Name").values()).containsExactly("Rina%20Kusuma");
        assertThat(received.containsHeader("X-Auth-Role")).isFalse();
        assertThat(received.getHeaders().getHeader("X-Forwarded-For").values()).containsExactly("127.0.0.1");
    }

    @Test
    void aVisitorCannotClaimToBeTheAdminWithHeaders() {
        String[] headers = {"X-Session-Token", UUID.randomUUID().toString(), "X-Auth-Admin-Id", "1", "X-Auth-Role", "admin"};

        assertThat(gateway().postJson("/api/chat/send", "{\"content\":\"hi\"}", headers).status()).isEqualTo(200);

        LoggedRequest received = onlyRequestTo(DownstreamServices.CHAT);
        assertThat(received.containsHeader("X-Auth-Admin-Id")).isFalse();
        assertThat(received.containsHeader("X-Auth-Role")).isFalse();
    }

    @Test
    void aSafeCorrelationIdIsPassedToTheServiceReturnedAndLogged() {
        try (RecordedLogs accessLog = RecordedLogs.of("io.portfoliochat.gateway.access")) {
            TestHttp.Response response = gateway().get("/api/portfolio", "X-Correlation-Id", "trace-42.a_b");

            assertThat(response.header("X-Correlation-Id")).hasValue("trace-42.a_b");
            assertThat(onlyRequestTo(DownstreamServices.ADMIN).getHeader("X-Correlation-Id")).isEqualTo("trace-42.a_b");
            assertThat(accessLog.lines()).anySatisfy(line ->
                    assertThat(line).matches("\\[trace-42\\.a_b\\] GET /api/portfolio -> 200 via admin-service in \\d+ ms"));
        }
    }

    @Test
    void anUnsafeOrMissingCorrelationIdIsReplacedByAFreshOneThatTheServiceAlsoGets() {
        for (String[] headers : List.of(new String[] {"X-Correlation-Id", "evil id\" with spaces"},
                new String[] {"X-Correlation-Id", "x".repeat(65)}, new String[0])) {
            services.reset();
            TestHttp.Response response = gateway().get("/api/chat/config", headers);

            String returned = response.header("X-Correlation-Id").orElseThrow();
            assertThat(UUID.fromString(returned)).isNotNull();
            assertThat(onlyRequestTo(DownstreamServices.REALTIME).getHeader("X-Correlation-Id")).isEqualTo(returned);
        }
    }

    @Test
    void theCorrelationIdOfAGatewayErrorIsReturnedAndLogged() {
        try (RecordedLogs accessLog = RecordedLogs.of("io.portfoliochat.gateway.access")) {
            TestHttp.Response response = gateway().get("/api/chat/conversations", "X-Correlation-Id", "refused-1");

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("X-Correlation-Id")).hasValue("refused-1");
            assertThat(accessLog.lines()).anySatisfy(line ->
                    assertThat(line).startsWith("[refused-1] GET /api/chat/conversations -> 401 via chat-service in "));
        }
    }

    @Test
    void securityHeadersAreOnApiResponsesStaticPagesAndErrorsAndReplaceAServicesOwn() {
        services.server(DownstreamServices.ADMIN).stubFor(get(urlEqualTo("/api/portfolio")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withHeader("X-Frame-Options", "ALLOWALL")
                .withHeader("X-Correlation-Id", "a-service-echo").withBody("{\"success\":true,\"data\":{}}")));

        for (TestHttp.Response response : List.of(gateway().get("/api/portfolio"), gateway().get("/chat"),
                gateway().get("/api/no-such-route"))) {
            assertThat(response.headers().get("x-frame-options")).containsExactly("DENY");
            assertThat(response.header("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.header("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
            assertThat(response.header("Permissions-Policy")).hasValueSatisfying(policy -> assertThat(policy).contains("camera=()"));
            assertThat(response.header("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                    .contains("default-src 'self'").contains("connect-src 'self' ws: wss:").contains("frame-ancestors 'none'"));
            assertThat(response.header("Strict-Transport-Security")).as("no HSTS over plain HTTP").isEmpty();
            assertThat(response.headers().get("x-correlation-id")).hasSize(1);
        }
    }

    private static LoggedRequest onlyRequestTo(String service) {
        List<LoggedRequest> received = services.received(service);
        assertThat(received).hasSize(1);
        assertThat(services.totalReceived()).isEqualTo(1);
        return received.get(0);
    }

    private static String[] withAuthorization(String[] headers, String authorization) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Authorization";
        all[headers.length + 1] = authorization;
        return all;
    }
}
