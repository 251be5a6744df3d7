package io.portfoliochat.realtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.realtime.channel.PusherSignatures;
import io.portfoliochat.realtime.testing.StubbedChatService;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestAdminTokens;
import io.portfoliochat.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/pusher/auth}: who may subscribe to which channel, and the signatures it hands out. */
@ServiceIntegrationTest
class ChannelAuthorizationTest extends StubbedChatService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SOCKET = "1234.5678";

    @LocalServerPort
    int port;

    @Autowired
    PusherSignatures signatures;

    private TestHttp.Response authorize(String channel, String... headers) {
        return TestHttp.localhost(port).postForm("/api/pusher/auth", "socket_id=" + SOCKET + "&channel_name=" + channel, headers);
    }

    private static String[] asAdmin() {
        return new String[] {"Authorization", TestAdminTokens.bearer(TestAdminTokens.valid())};
    }

    private static String[] asVisitor(String token) {
        return new String[] {"X-Session-Token", token};
    }

    private static void assertForbidden(TestHttp.Response response, String reason) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.error()).contains(reason);
    }

    @Test
    void adminGetsAPusherSignatureForAnyPrivateChannel() {
        for (String channel : new String[] {"private-admin-notifications", "private-conversation-42"}) {
            TestHttp.Response response = authorize(channel, asAdmin());
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("auth").asString()).isEqualTo(signatures.channelAuth(SOCKET, channel));
            assertThat(response.json().has("channel_data")).isFalse();
        }
    }

    @Test
    void adminJoinsThePresenceChannelAsItselfWithItsName() {
        TestHttp.Response response = authorize("presence-admin-chat", asAdmin());

        assertThat(response.status()).isEqualTo(200);
        String channelData = response.json().get("channel_data").asString();
        JsonNode member = JSON.readTree(channelData);
        assertThat(member.get("user_id").asString()).isEqualTo(Long.toString(TestAdminTokens.ADMIN.id()));
        assertThat(member.get("user_info").get("name").asString()).isEqualTo(TestAdminTokens.ADMIN.name());
        assertThat(response.json().get("auth").asString())
                .isEqualTo(signatures.presenceAuth(SOCKET, "presence-admin-chat", channelData));
        assertForbidden(authorize("presence-somewhere-else", asAdmin()), "Unknown presence channel");
    }

    @Test
    void badAdminTokensAreRefused() {
        assertForbidden(authorize("private-admin-notifications", "Authorization", TestAdminTokens.bearer(TestAdminTokens.expired())),
                "expired");
        assertForbidden(authorize("private-admin-notifications", "Authorization",
                TestAdminTokens.bearer(TestAdminTokens.signedWithAnotherKey())), "not valid");
        assertForbidden(authorize("private-admin-notifications", "Authorization", TestAdminTokens.bearer(TestAdminTokens.unsigned())),
                "not valid");
        assertForbidden(authorize("private-admin-notifications", "Authorization",
                TestAdminTokens.bearer(TestAdminTokens.withoutAdminRole())), "not an admin token");
        assertForbidden(authorize("private-admin-notifications", "Authorization", "Basic YWRtaW46YWRtaW4="), "Authorization must be 'Bearer <token>'");
    }

    @Test
    void visitorMayOnlyAuthorizeItsOwnConversationChannel() {
        String token = chatService.visitorOf(42);

        TestHttp.Response own = authorize("private-conversation-42", asVisitor(token));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("auth").asString()).isEqualTo(signatures.channelAuth(SOCKET, "private-conversation-42"));

        assertForbidden(authorize("private-conversation-43", asVisitor(token)), "another conversation");
        assertForbidden(authorize("private-admin-notifications", asVisitor(token)), "own conversation");
        assertForbidden(authorize("presence-admin-chat", asVisitor(token)), "own conversation");
    }

    @Test
    void unknownSessionsAndSessionsWithoutAConversationAreRefused() {
        assertForbidden(authorize("private-conversation-42", asVisitor(java.util.UUID.randomUUID().toString())),
                "Unknown or expired visitor session");
        assertForbidden(authorize("private-conversation-42", asVisitor(chatService.visitorWithoutConversation())),
                "no conversation yet");
        assertForbidden(authorize("private-conversation-42", asVisitor("not-a-uuid")), "not a valid session token");
    }

    @Test
    void noCredentialsPublicAndEncryptedChannelsAreRefused() {
        assertForbidden(authorize("private-conversation-42"), "Authorization required");
        assertForbidden(authorize("public-news", asAdmin()), "Public channels need no authorization");
        assertForbidden(authorize("private-encrypted-secrets", asAdmin()), "Encrypted channels");
    }

    @Test
    void malformedSocketIdsAndChannelNamesAre400() {
        TestHttp http = TestHttp.localhost(port);
        String[] admin = asAdmin();
        TestHttp.Response noSocket = http.postForm("/api/pusher/auth", "channel_name=private-x", admin);
        assertThat(noSocket.status()).isEqualTo(400);
        assertThat(noSocket.error()).contains("socket_id");
        assertThat(http.postForm("/api/pusher/auth", "socket_id=abc&channel_name=private-x", admin).status()).isEqualTo(400);
        TestHttp.Response badChannel = http.postForm("/api/pusher/auth", "socket_id=1.2&channel_name=private%20x", admin);
        assertThat(badChannel.status()).isEqualTo(400);
        assertThat(badChannel.error()).contains("channel_name");
        assertThat(http.postForm("/api/pusher/auth", "socket_id=1.2", admin).status()).isEqualTo(400);
    }

    @Test
    void formFieldsThatAreNotUtf8PercentEncodingAre400NotAServerError() {
        TestHttp http = TestHttp.localhost(port);
        for (String form : new String[] {"socket_id=1.2&channel_name=%ZZ", "socket_id=1.2&channel_name=private-%C3%28"}) {
            TestHttp.Response response = http.postForm("/api/pusher/auth", form, asAdmin());

            assertThat(response.status()).as(form).isEqualTo(400);
            assertThat(response.json().get("success").asBoolean()).isFalse();
            assertThat(response.error()).isEqualTo("The form fields are not valid: send socket_id and channel_name "
                    + "percent-encoded as UTF-8");
        }
    }

    @Test
    void visitorSessionLookupsAreCachedBriefly() {
        String token = chatService.visitorOf(61);

        for (int i = 0; i < 3; i++) {
            assertThat(authorize("private-conversation-61", asVisitor(token)).status()).isEqualTo(200);
        }

        assertThat(chatService.lookupsOf(token)).isEqualTo(1);
    }

    @Test
    void aVisitorWhoseConversationJustStartedIsNotRefusedFromTheCache() {
        String token = chatService.visitorOf(70);
        assertThat(authorize("private-conversation-70", asVisitor(token)).status()).isEqualTo(200);

        chatService.moveTo(token, 71);

        assertThat(authorize("private-conversation-71", asVisitor(token)).status()).isEqualTo(200);
        assertForbidden(authorize("private-conversation-70", asVisitor(token)), "another conversation");
    }

    @Test
    void chatServiceFailureIs503NotASignature() {
        TestHttp.Response response = authorize("private-conversation-42", asVisitor(chatService.brokenLookup()));
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.error()).contains("try again");
    }
}
