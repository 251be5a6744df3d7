package io.portfoliochat.gateway.cors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.gateway.DownstreamServices;
import io.portfoliochat.gateway.GatewayWithStubbedServices;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ServiceIntegrationTest(properties = "portfoliochat.gateway.cors.allowed-origins=https://portfolio.example.com, http://localhost:3000/")
class CorsTest extends GatewayWithStubbedServices {

    static final String PORTFOLIO = "https://portfolio.example.com";
    static final String OTHER_SITE = "https://evil.example.net";

    @Test
    void aPreflightFromAConfiguredOriginIsAllowed() {
        for (String origin : new String[] {PORTFOLIO, "http://localhost:3000"}) {
            TestHttp.Response preflight = preflight(origin, "POST", "content-type,x-session-token");

            assertThat(preflight.status()).isEqualTo(200);
            assertThat(preflight.header("Access-Control-Allow-Origin")).hasValue(origin);
            assertThat(preflight.header("Access-Control-Allow-Methods")).hasValueSatisfying(methods ->
                    assertThat(methods).contains("POST"));
            assertThat(preflight.header("Access-Control-Allow-Headers")).hasValueSatisfying(headers ->
                    assertThat(headers.toLowerCase()).contains("content-type").contains("x-session-token"));
            assertThat(preflight.header("Access-Control-Max-Age")).hasValue("3600");
        }
        assertThat(services.totalReceived()).as("preflights are answered by the gateway").isZero();
    }

    @Test
    void aPreflightFromAnyOtherOriginIsRefusedWith403AndNoAllowOrigin() {
        TestHttp.Response preflight = preflight(OTHER_SITE, "POST", "content-type");

        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.json().get("success").asBoolean()).isFalse();
        assertThat(preflight.error()).isEqualTo("Requests from origin https://evil.example.net are not allowed");
        assertThat(services.totalReceived()).isZero();
    }

    @Test
    void aPreflightAskingForAMethodOrHeaderOutsideTheApiIsRefused() {
        assertThat(preflight(PORTFOLIO, "DELETE", "content-type").status()).isEqualTo(403);
        TestHttp.Response oddHeader = preflight(PORTFOLIO, "POST", "x-auth-admin-id");

        assertThat(oddHeader.status()).isEqualTo(403);
        assertThat(oddHeader.error()).isEqualTo("This cross-origin request is not allowed (method or headers)");
    }

    @Test
    void aCrossOriginRequestFromAConfiguredOriginGetsOneAllowOriginEvenIfTheServiceSentItsOwn() {
        services.server(DownstreamServices.ADMIN).stubFor(get(urlEqualTo("/api/portfolio")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withHeader("Access-Control-Allow-Origin", "*")
                .withHeader("Access-Control-Allow-Credentials", "true").withBody("{\"success\":true,\"data\":{}}")));

        TestHttp.Response response = gateway().get("/api/portfolio", "Origin", PORTFOLIO);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("access-control-allow-origin")).containsExactly(PORTFOLIO);
        assertThat(response.header("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(response.header("Access-Control-Expose-Headers")).hasValueSatisfying(exposed ->
                assertThat(exposed).contains("X-Correlation-Id").contains("Retry-After"));
    }

    @Test
    void aCrossOriginRequestFromAnotherOriginNeverReachesAService() {
        TestHttp.Response response = gateway().postJson("/api/chat/session", "{}", "Origin", OTHER_SITE);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(services.totalReceived()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080.evil.example", "http://a:b:c", "http://[::1", "https://exa mple.com"})
    void anOriginSpringCannotParseIsRefusedWith403NotA500(String origin) {
        TestHttp.Response api = gateway().get("/api/portfolio", "Origin", origin);
        TestHttp.Response socket = gateway().get("/app/portfolio-chat-key?protocol=7", "Origin", origin);

        for (TestHttp.Response response : new TestHttp.Response[] {api, socket}) {
            assertThat(response.status()).as(origin).isEqualTo(403);
            assertThat(response.error()).isEqualTo("Requests from origin " + origin + " are not allowed");
        }
        assertThat(services.totalReceived()).isZero();
    }

    @Test
    void errorsForAConfiguredOriginCarryCorsHeadersSoTheBrowserCanReadThem() {
        TestHttp.Response response = gateway().get("/api/chat/settings", "Origin", PORTFOLIO);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Access-Control-Allow-Origin")).hasValue(PORTFOLIO);
        assertThat(response.error()).isEqualTo("Missing admin token");
    }

    private TestHttp.Response preflight(String origin, String method, String headers) {
        return gateway().send("OPTIONS", "/api/chat/send", null, null, "Origin", origin,
                "Access-Control-Request-Method", method, "Access-Control-Request-Headers", headers);
    }
}
