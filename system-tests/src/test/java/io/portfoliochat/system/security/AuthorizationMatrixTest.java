package io.portfoliochat.system.security;

import static io.portfoliochat.system.security.MatrixCaller.VISITOR_A;
import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.system.security.TargetSystem.Visitor;
import io.portfoliochat.testsupport.TestHttp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route of the gateway against every kind of caller, through the running system: the status
 * each must get (the table below, also in docs/security.md) and, for refusals, the envelope with the
 * reason. Visitor A owns the conversation the routes name; visitor B has a conversation of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    /** Statuses per caller, in the order of {@link MatrixCaller}: anonymous, A, B, expired, alg=none, other key, admin. */
    static final List<Row> MATRIX = List.of(
            row("POST /api/chat/session", "application/json", "{}", 200, 200, 200, 200, 200, 200, 200),
            row("POST /api/chat/send", "application/json", "{\"conversationId\": {A}, \"content\": \"Authorization matrix check\"}",
                    401, 201, 403, 401, 401, 401, 201),
            row("GET /api/chat/messages?conversationId={A}", null, null, 401, 200, 403, 401, 401, 401, 200),
            row("POST /api/chat/messages/read", "application/json", "{\"conversationId\": {A}}", 401, 200, 403, 401, 401, 401, 200),
            row("GET /api/chat/conversations", null, null, 401, 401, 401, 401, 401, 401, 200),
            row("GET /api/chat/conversations/{A}", null, null, 401, 401, 401, 401, 401, 401, 200),
            row("PATCH /api/chat/conversations/{A}", "application/json", "{\"status\": \"active\"}", 401, 401, 401, 401, 401, 401, 200),
            row("GET /api/chat/settings", null, null, 401, 401, 401, 401, 401, 401, 200),
            row("PATCH /api/chat/settings", "application/json", "{\"aiReplyCapPerConversation\": {cap}}",
                    401, 401, 401, 401, 401, 401, 200),
            row("POST /api/admin/login", "application/json", "{\"email\": \"{email}\", \"password\": \"{password}\"}",
                    200, 200, 200, 200, 200, 200, 200),
            row("GET /api/portfolio", null, null, 200, 200, 200, 200, 200, 200, 200),
            row("PUT /api/portfolio", "application/json", "{portfolio}", 401, 401, 401, 401, 401, 401, 200),
            row("POST /api/chat/ai/respond", "application/json", "{\"conversationId\": {A}}", 401, 401, 401, 401, 401, 401, 200),
            row("POST /api/pusher/auth", "application/x-www-form-urlencoded", "socket_id=1234.5678&channel_name=private-conversation-{A}",
                    401, 200, 403, 401, 401, 401, 200),
            row("GET /api/chat/config", null, null, 200, 200, 200, 200, 200, 200, 200),
            row("GET /internal/visitor-session", null, null, 404, 404, 404, 404, 404, 404, 404),
            row("GET /internal/conversations/{A}/recent-messages", null, null, 404, 404, 404, 404, 404, 404, 404),
            row("POST /apps/portfolio-chat/events", "application/json", "{\"name\": \"new-message\", \"channel\": "
                    + "\"private-conversation-{A}\", \"data\": \"{}\"}", 401, 401, 401, 401, 401, 401, 401));

    private TargetSystem target;
    private Visitor visitorA;
    private Visitor visitorB;
    private String portfolio;
    private int replyCap;

    @BeforeAll
    void twoVisitorsWithConversations() {
        target = TargetSystem.get();
        visitorA = target.visitorWithQuietConversation("Hello from visitor A");
        visitorB = target.visitorWithQuietConversation("Hello from visitor B");
        portfolio = target.gateway().get("/api/portfolio").data().toString();
        replyCap = target.gateway().get("/api/chat/settings", "Authorization", target.adminAuthorization())
                .data().get("aiReplyCapPerConversation").asInt();
    }

    static Stream<Arguments> everyRouteAsEveryCaller() {
        return StatusTable.everyRowForEveryCaller(MATRIX);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyRouteAsEveryCaller")
    void answersWithTheStatusOfTheMatrix(Row row, MatrixCaller caller) {
        int expected = row.statuses().get(caller.ordinal());

        TestHttp.Response response = target.withinRateLimit(() -> send(row, caller));

        assertThat(response.status()).as("%s as %s: %s", row, caller, response).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.json().get("success").asBoolean(true)).isFalse();
            assertThat(response.error()).as("reason given to %s", caller).containsIgnoringCase(reason(row, caller, expected));
        }
    }

    @AfterAll
    void printTheMatrix() {
        System.out.println("Authorization matrix (statuses):\n" + StatusTable.markdown("route", MATRIX, Row::route, Row::statuses));
    }

    private TestHttp.Response send(Row row, MatrixCaller caller) {
        String path = fill(row.route().substring(row.route().indexOf(' ') + 1));
        byte[] body = row.body() == null ? null : fill(row.body()).getBytes(StandardCharsets.UTF_8);
        return target.gateway().send(row.method(), path, row.contentType(), body,
                caller.headers(target, visitorA, visitorB).toArray(String[]::new));
    }

    private String fill(String template) {
        return template.replace("{A}", Long.toString(visitorA.conversationId()))
                .replace("{cap}", Integer.toString(replyCap))
                .replace("{email}", target.secrets().adminEmail())
                .replace("{password}", target.secrets().adminPassword())
                .replace("{portfolio}", portfolio);
    }

    /** What a refused caller must be told. */
    private static String reason(Row row, MatrixCaller caller, int status) {
        if (status == 404) {
            return "No such endpoint";
        }
        if (status == 403) {
            return "conversation";
        }
        if (row.route().startsWith("POST /apps/")) {
            return "Unknown auth_key";
        }
        return switch (caller) {
            case EXPIRED_JWT -> "Admin token has expired";
            case ALG_NONE_JWT, OTHER_KEY_JWT -> "Admin token is not valid";
            case ANONYMOUS -> row.visitorRoute() ? "A session token is required" : "Missing admin token";
            default -> "Missing admin token";
        };
    }

    private static Row row(String route, String contentType, String body, Integer... statuses) {
        return new Row(route, contentType, body, List.of(statuses));
    }

    record Row(String route, String contentType, String body, List<Integer> statuses) {

        String method() {
            return route.substring(0, route.indexOf(' '));
        }

        /** A route visitors may call (A succeeds on it), where an anonymous caller is asked for a session. */
        boolean visitorRoute() {
            return statuses.get(VISITOR_A.ordinal()) < 300;
        }

        @Override
        public String toString() {
            return route;
        }
    }
}
