package io.portfoliochat.gateway.auth;

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

class EdgeAuthenticationTest extends GatewayWithStubbedServices {

    /** Method, path and body of every admin-only route. */
    static final List<String[]> ADMIN_ROUTES = List.of(
            new String[] {"GET", "/api/chat/conversations", null},
            new String[] {"GET", "/api/chat/conversations/42", null},
            new String[] {"PATCH", "/api/chat/conversations/42", "{\"status\":\"resolved\"}"},
            new String[] {"GET", "/api/chat/settings", null},
            new String[] {"PATCH", "/api/chat/settings", "{\"aiEnabled\":true}"},
            new String[] {"POST", "/api/chat/ai/respond", "{\"conversationId\":42}"},
            new String[] {"PUT", "/api/portfolio", "{\"about\":{},\"techStack\":[],\"career\":[]}"});

    /** Method, path and body of every route a visitor (or the admin) may call. */
    static final List<String[]> VISITOR_ROUTES = List.of(
            new String[] {"POST", "/api/chat/send", "{\"content\":\"Hi\"}"},
            new String[] {"GET", "/api/chat/messages?conversationId=42", null},
            new String[] {"POST", "/api/chat/messages/read", "{\"conversationId\":42}"},
            new String[] {"POST", "/api/pusher/auth", "{\"socket_id\":\"1.2\",\"channel_name\":\"private-conversation-42\"}"});

    /** Every bad Authorization header and the reason the caller is told. */
    static Stream<Arguments> badAdminCredentials() {
        return Stream.of(
                Arguments.of("missing", null, "Missing admin token"),
                Arguments.of("expired", TestAdminTokens.bearer(TestAdminTokens.expired()),
                        "Admin token has expired; please log in again"),
                Arguments.of("forged (another key)", TestAdminTokens.bearer(TestAdminTokens.signedWithAnotherKey()),
                        "Admin token is not valid"),
                Arguments.of("wrong issuer", TestAdminTokens.bearer(TestAdminTokens.withWrongIssuer()), "Admin token is not valid"),
                Arguments.of("alg none", TestAdminTokens.bearer(TestAdminTokens.unsigned()), "Admin token is not valid"),
                Arguments.of("no admin role", TestAdminTokens.bearer(TestAdminTokens.withoutAdminRole()),
                        "Token is not an admin token"),
                Arguments.of("not a JWT", "Bearer not-a-jwt", "Admin token is not valid"),
                Arguments.of("not a bearer token", "Basic cmluYTpzM2NyZXQ=", "Authorization must be 'Bearer <token>'"));
    }

    static Stream<Arguments> adminRoutesWithBadCredentials() {
        List<Arguments> cases = new ArrayList<>();
        badAdminCredentials().forEach(credential -> ADMIN_ROUTES.forEach(route -> {
            Object[] values = credential.get();
            cases.add(Arguments.of(route[0], route[1], route[2], values[0], values[1], values[2]));
        }));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} with {3} token → 401")
    @MethodSource("adminRoutesWithBadCredentials")
    void everyAdminRouteRefusesAMissingExpiredOrForgedTokenWith401(String method, String path, String body, String kind,
                                                                   String authorization, String reason) {
        TestHttp.Response response = send(method, path, body, authorization == null
                ? new String[0] : new String[] {"Authorization", authorization});

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.error()).isEqualTo(reason);
        assertThat(response.header("WWW-Authenticate")).hasValue("Bearer realm=\"portfolio-chat\"");
        assertThat(services.totalReceived()).as("no service is bothered").isZero();
    }

    @Test
    void everyAdminRoutePassesAValidAdminTokenAndNamesTheAdminToTheService() {
        String authorization = TestAdminTokens.bearer(TestAdminTokens.valid());
        for (String[] route : ADMIN_ROUTES) {
            TestHttp.Response response = send(route[0], route[1], route[2], "Authorization", authorization);
            assertThat(response.status()).as(route[0] + " " + route[1]).isEqualTo(200);
        }

        List<LoggedRequest> received = services.receivedByAll();
        assertThat(received).hasSize(ADMIN_ROUTES.size()).allSatisfy(request -> {
            assertThat(request.getHeader("X-Auth-Admin-Id")).isEqualTo("1");
            assertThat(request.getHeader("X-Auth-Admin-Name")).isEqualTo("Rina%20Kusuma");
            assertThat(request.getHeader("Authorization")).as("services verify it again").isEqualTo(authorization);
        });
    }

    @Test
    void visitorRoutesNeedASessionToken() {
        for (String[] route : VISITOR_ROUTES) {
            TestHttp.Response response = send(route[0], route[1], route[2]);
            assertThat(response.status()).as(route[1]).isEqualTo(401);
            assertThat(response.error()).isEqualTo("A session token is required: send the X-Session-Token header "
                    + "(create one with POST /api/chat/session)");
        }
        assertThat(services.totalReceived()).isZero();
    }

    @Test
    void visitorRoutesRefuseASessionTokenThatIsNotAUuidWith401() {
        for (String token : List.of("abc", "' OR 1=1 --", UUID.randomUUID() + "x", "00000000-0000-0000-0000-00000000000g")) {
            TestHttp.Response response = send("POST", "/api/chat/send", "{\"content\":\"Hi\"}", "X-Session-Token", token);
            assertThat(response.status()).as(token).isEqualTo(401);
            assertThat(response.error()).isEqualTo("The session token is not valid: X-Session-Token must be a UUID");
        }
        assertThat(send("GET", "/api/chat/messages?conversationId=1", null, "X-Session-Token", "not-a-uuid").error())
                .isEqualTo("The session token is not valid: X-Session-Token must be a UUID");
        assertThat(services.totalReceived()).isZero();
    }

    @Test
    void visitorRoutesPassAWellFormedSessionTokenOnToTheServiceWithoutAdminIdentity() {
        String token = UUID.randomUUID().toString();
        for (String[] route : VISITOR_ROUTES) {
            assertThat(send(route[0], route[1], route[2], "X-Session-Token", token).status()).as(route[1]).isEqualTo(200);
        }

        assertThat(services.receivedByAll()).hasSize(VISITOR_ROUTES.size()).allSatisfy(request -> {
            assertThat(request.getHeader("X-Session-Token")).isEqualTo(token);
            assertThat(request.containsHeader("X-Auth-Admin-Id")).isFalse();
        });
    }

    @Test
    void visitorRoutesAcceptTheAdminInsteadOfASession() {
        for (String[] route : VISITOR_ROUTES) {
            TestHttp.Response response = send(route[0], route[1], route[2], "Authorization",
                    TestAdminTokens.bearer(TestAdminTokens.valid()));
            assertThat(response.status()).as(route[1]).isEqualTo(200);
        }
        assertThat(services.receivedByAll()).allSatisfy(request -> assertThat(request.getHeader("X-Auth-Admin-Id")).isEqualTo("1"));
    }

    @Test
    void anInvalidAdminTokenOnAVisitorRouteIs401EvenWithAValidSessionToken() {
        TestHttp.Response response = send("POST", "/api/chat/send", "{\"content\":\"Hi\"}",
                "X-Session-Token", UUID.randomUUID().toString(),
                "Authorization", TestAdminTokens.bearer(TestAdminTokens.expired()));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.error()).isEqualTo("Admin token has expired; please log in again");
        assertThat(services.totalReceived()).isZero();
    }

    @Test
    void publicRoutesNeedNoCredentials() {
        TestHttp gateway = gateway();

        assertThat(gateway.postJson("/api/chat/session", "{}").status()).isEqualTo(200);
        assertThat(gateway.postJson("/api/admin/login", "{\"email\":\"a@b.c\",\"password\":\"x\"}").status()).isEqualTo(200);
        assertThat(gateway.get("/api/portfolio").status()).isEqualTo(200);
        assertThat(gateway.get("/api/chat/config").status()).isEqualTo(200);
        assertThat(gateway.get("/actuator/health").status()).isEqualTo(200);
        assertThat(services.totalReceived()).isEqualTo(4);
    }

    private TestHttp.Response send(String method, String path, String body, String... headers) {
        return gateway().send(method, path, body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }
}
