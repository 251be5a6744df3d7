package io.portfoliochat.gateway.routing;

import static io.portfoliochat.gateway.DownstreamServices.ADMIN;
import static io.portfoliochat.gateway.DownstreamServices.AI;
import static io.portfoliochat.gateway.DownstreamServices.CHAT;
import static io.portfoliochat.gateway.DownstreamServices.REALTIME;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.portfoliochat.gateway.GatewayWithStubbedServices;
import io.portfoliochat.testsupport.TestAdminTokens;
import io.portfoliochat.testsupport.TestHttp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTableTest extends GatewayWithStubbedServices {

    static final String SESSION = UUID.randomUUID().toString();

    /** Every route of SPEC §4 and docs/architecture.md, with the credentials it needs. */
    static Stream<Arguments> routes() {
        String admin = TestAdminTokens.bearer(TestAdminTokens.valid());
        return Stream.of(
                route("POST", "/api/chat/session", "application/json", "{\"sessionToken\":null}", CHAT),
                route("POST", "/api/chat/send", "application/json", "{\"content\":\"Halo!\"}", CHAT, "X-Session-Token", SESSION),
                route("GET", "/api/chat/messages?conversationId=42&limit=50&before=120", null, null, CHAT, "X-Session-Token", SESSION),
                route("POST", "/api/chat/messages/read", "application/json", "{\"conversationId\":42,\"messageIds\":[7,8]}", CHAT,
                        "X-Session-Token", SESSION),
                route("GET", "/api/chat/conversations?status=active&page=2&limit=20", null, null, CHAT, "Authorization", admin),
                route("GET", "/api/chat/conversations/42", null, null, CHAT, "Authorization", admin),
                route("PATCH", "/api/chat/conversations/42", "application/json", "{\"isAiHandled\":false}", ADMIN,
                        "Authorization", admin),
                route("GET", "/api/chat/settings", null, null, ADMIN, "Authorization", admin),
                route("PATCH", "/api/chat/settings", "application/json", "{\"aiEnabled\":false}", ADMIN, "Authorization", admin),
                route("POST", "/api/admin/login", "application/json", "{\"email\":\"rina@example.com\",\"password\":\"s3cret\"}", ADMIN),
                route("GET", "/api/portfolio", null, null, ADMIN),
                route("PUT", "/api/portfolio", "application/json", "{\"about\":{\"name\":\"Rina\"},\"techStack\":[],\"career\":[]}",
                        ADMIN, "Authorization", admin),
                route("POST", "/api/chat/ai/respond", "application/json", "{\"conversationId\":42,\"visitorMessage\":\"Hi\"}", AI,
                        "Authorization", admin),
                route("POST", "/api/pusher/auth", "application/x-www-form-urlencoded",
                        "socket_id=123.456&channel_name=private-conversation-42", REALTIME, "X-Session-Token", SESSION),
                route("GET", "/api/chat/config", null, null, REALTIME),
                route("GET", "/api/chat/status", null, null, REALTIME),
                route("POST", "/apps/portfolio-chat/events?auth_key=key&auth_timestamp=1&auth_version=1.0&auth_signature=abc",
                        "application/json", "{\"name\":\"new-message\",\"channels\":[\"private-conversation-42\"],\"data\":\"{}\"}",
                        REALTIME),
                route("GET", "/apps/portfolio-chat/channels?auth_key=key", null, null, REALTIME));
    }

    private static Arguments route(String method, String pathAndQuery, String contentType, String body, String service,
                                   String... headers) {
        return Arguments.of(method, pathAndQuery, contentType, body, service, headers);
    }

    @ParameterizedTest(name = "{0} {1} reaches {4}")
    @MethodSource("routes")
    void eachRouteReachesItsOwningServiceWithMethodPathQueryAndBodyIntact(String method, String pathAndQuery,
                                                                          String contentType, String body, String service,
                                                                          String[] headers) {
        TestHttp.Response response = gateway().send(method, pathAndQuery, contentType,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.data().get("service").asString()).isEqualTo(service);
        List<LoggedRequest> received = services.received(service);
        assertThat(received).hasSize(1);
        LoggedRequest request = received.get(0);
        assertThat(request.getMethod().getName()).isEqualTo(method);
        assertThat(request.getUrl()).isEqualTo(pathAndQuery);
        assertThat(request.getBodyAsString()).isEqualTo(body == null ? "" : body);
        if (contentType != null) {
            assertThat(request.getHeader("Content-Type")).startsWith(contentType);
        }
        assertThat(request.getHeader("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(services.totalReceived()).as("only the owner is called").isEqualTo(1);
    }

    @Test
    void aServicesOwnErrorReachesTheCallerUnchanged() {
        services.server(ADMIN).stubFor(patch(urlEqualTo("/api/chat/settings")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":false,\"error\":\"aiTemperature must be between 0 and 2\"}")));

        TestHttp.Response response = gateway().patchJson("/api/chat/settings", "{\"aiTemperature\":\"7\"}",
                "Authorization", TestAdminTokens.bearer(TestAdminTokens.valid()));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.error()).isEqualTo("aiTemperature must be between 0 and 2");
    }

    @Test
    void patchOfAConversationGoesToAdminServiceWhileReadingItGoesToChatService() {
        TestHttp gateway = gateway().withHeader("Authorization",
                TestAdminTokens.bearer(TestAdminTokens.valid()));

        assertThat(gateway.get("/api/chat/conversations/7").data().get("service").asString()).isEqualTo(CHAT);
        assertThat(gateway.patchJson("/api/chat/conversations/7", "{\"status\":\"closed\"}").data().get("service").asString())
                .isEqualTo(ADMIN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/internal/visitor-session", "/internal/conversations/42/recent-messages?limit=10"})
    void internalEndpointsAreNeverRoutedAndAnswer404WithTheEnvelope(String path) {
        TestHttp.Response response = gateway().get(path, "X-Session-Token", SESSION);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.error()).startsWith("No such endpoint: /internal/");
        assertThat(services.totalReceived()).isZero();
    }

    @Test
    void anUnknownApiPathIs404WithTheEnvelopeAndNeverStaticContent() {
        TestHttp.Response response = gateway().get("/api/chat/nothing-here");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.error()).isEqualTo("No such endpoint: /api/chat/nothing-here");
        assertThat(services.totalReceived()).isZero();
    }

    @Test
    void aKnownPathWithTheWrongMethodIs405WithTheAllowedMethods() {
        TestHttp gateway = gateway();

        TestHttp.Response getOnSend = gateway.get("/api/chat/send", "X-Session-Token", SESSION);
        assertThat(getOnSend.status()).isEqualTo(405);
        assertThat(getOnSend.error()).isEqualTo("Method GET is not allowed on /api/chat/send (allowed: POST)");
        assertThat(getOnSend.header("Allow")).hasValue("POST");

        TestHttp.Response deleteConversation = gateway.delete("/api/chat/conversations/42");
        assertThat(deleteConversation.status()).isEqualTo(405);
        assertThat(deleteConversation.error()).endsWith("(allowed: GET, PATCH)");
        assertThat(services.totalReceived()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/app/../internal/visitor-session", "/api/chat/%2e%2e/%2e%2e/internal/visitor-session",
            "/apps/x/..%2f..%2finternal/visitor-session", "/api/portfolio;jsessionid=1", "/api//portfolio",
            "/apps/x/%5c..%5cinternal"})
    void pathsAServiceCouldResolveDifferentlyAreRefusedWith400(String path) {
        TestHttp.Response response = gateway().get(path);

        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.error()).isEqualTo("The request path is not valid");
        assertThat(services.totalReceived()).isZero();
    }

    @Test
    void servesTheStaticReferenceUiPages() {
        TestHttp gateway = gateway();
        List<String> pages = new ArrayList<>();
        for (String path : List.of("/", "/chat", "/chat/", "/admin/chat", "/admin/chat/")) {
            TestHttp.Response page = gateway.get(path, "Accept", "text/html");
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.header("Content-Type")).as(path).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            pages.add(page.body());
        }
        assertThat(pages.get(0)).contains("href=\"/chat\"").contains("href=\"/admin/chat\"");
        assertThat(pages.get(1)).contains("src=\"/assets/js/chat.js\"").isEqualTo(pages.get(2));
        assertThat(pages.get(3)).contains("src=\"/assets/js/admin.js\"").isEqualTo(pages.get(4));
        assertThat(services.totalReceived()).isZero();
    }

    @Test
    void aMissingStaticFileIs404WithTheEnvelopeNotAnHtmlPage() {
        TestHttp.Response response = gateway().get("/no-such-page.html", "Accept", "text/html");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.error()).isEqualTo("No such page or endpoint: /no-such-page.html");
    }
}
