package io.portfoliochat.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.events.ChatSettings;
import io.portfoliochat.events.EventCodec;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestAdminTokens;
import io.portfoliochat.testsupport.TestHttp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every admin route refuses every kind of bad credential with 401, before it looks at the request. */
@ServiceIntegrationTest
class AdminRoutesAuthenticationTest {

    private static final List<String[]> ADMIN_ROUTES = List.of(
            new String[] {"GET", "/api/chat/settings", null},
            new String[] {"PATCH", "/api/chat/settings", "{\"aiEnabled\": false}"},
            new String[] {"PATCH", "/api/chat/conversations/42", "{\"isAiHandled\": false}"},
            new String[] {"PUT", "/api/portfolio", "{\"about\": {\"name\": \"Intruder\"}, \"techStack\": [], \"career\": []}"});

    @LocalServerPort
    int port;

    static Stream<Arguments> badCredentialsOnEveryAdminRoute() {
        List<Object[]> credentials = List.of(
                new Object[] {"no Authorization header", (Supplier<String>) () -> null, "Missing admin token"},
                new Object[] {"not a bearer token", (Supplier<String>) () -> "Basic YWRtaW46YWRtaW4=", "Authorization must be 'Bearer <token>'"},
                new Object[] {"empty bearer token", (Supplier<String>) () -> "Bearer ", "Missing admin token"},
                new Object[] {"garbage", (Supplier<String>) () -> "Bearer not.a.jwt", "Admin token is not valid"},
                new Object[] {"expired", (Supplier<String>) () -> TestAdminTokens.bearer(TestAdminTokens.expired()),
                        "Admin token has expired; please log in again"},
                new Object[] {"signed with another key", (Supplier<String>) () -> TestAdminTokens.bearer(TestAdminTokens.signedWithAnotherKey()),
                        "Admin token is not valid"},
                new Object[] {"wrong issuer", (Supplier<String>) () -> TestAdminTokens.bearer(TestAdminTokens.withWrongIssuer()),
                        "Admin token is not valid"},
                new Object[] {"alg none", (Supplier<String>) () -> TestAdminTokens.bearer(TestAdminTokens.unsigned()),
                        "Admin token is not valid"},
                new Object[] {"no admin role", (Supplier<String>) () -> TestAdminTokens.bearer(TestAdminTokens.withoutAdminRole()),
                        "Token is not an admin token"});
        List<Arguments> cases = new ArrayList<>();
        for (String[] route : ADMIN_ROUTES) {
            for (Object[] credential : credentials) {
                cases.add(Arguments.of(route[0] + " " + route[1], credential[0], route, credential[1], credential[2]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("badCredentialsOnEveryAdminRoute")
    void adminRoutesRefuseBadCredentialsWith401AndTheEnvelope(String route, String kind, String[] request,
                                                            Supplier<String> authorization, String message) {
        TestHttp.Response response = send(request[0], request[1], request[2], authorization.get());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.error()).isEqualTo(message);
        assertThat(response.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void anAnonymousCallerGets401EvenForAMalformedBody() {
        TestHttp.Response response = send("PATCH", "/api/chat/settings", "{not json", null);

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void refusedRequestsChangeNothing() {
        send("PATCH", "/api/chat/settings", "{\"aiEnabled\": false, \"aiModel\": \"stolen\"}",
                TestAdminTokens.bearer(TestAdminTokens.signedWithAnotherKey()));
        send("PUT", "/api/portfolio", "{\"about\": {\"name\": \"Intruder\"}, \"techStack\": [], \"career\": []}",
                TestAdminTokens.bearer(TestAdminTokens.expired()));

        TestHttp.Response settings = send("GET", "/api/chat/settings", null, TestAdminTokens.bearer(TestAdminTokens.valid()));
        assertThat(new EventCodec().mapper().treeToValue(settings.data(), ChatSettings.class)).isEqualTo(ChatSettings.defaults());
        TestHttp.Response portfolio = send("GET", "/api/portfolio", null, null);
        assertThat(portfolio.data().get("about").isNull()).isTrue();
    }

    @Test
    void thePortfolioIsPublicAndEmptyUntilTheOwnerFillsIt() {
        TestHttp.Response response = send("GET", "/api/portfolio", null, null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().get("about").isNull()).isTrue();
        assertThat(response.data().get("techStack").isEmpty()).isTrue();
        assertThat(response.data().get("career").isEmpty()).isTrue();
    }

    private TestHttp.Response send(String method, String path, String body, String authorization) {
        List<String> headers = new ArrayList<>();
        if (authorization != null) {
            headers.add("Authorization");
            headers.add(authorization);
        }
        return TestHttp.localhost(port).send(method, path, body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers.toArray(String[]::new));
    }
}
