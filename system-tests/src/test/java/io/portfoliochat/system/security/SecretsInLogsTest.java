package io.portfoliochat.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.system.security.TargetSystem.Visitor;
import io.portfoliochat.testsupport.PusherTestClient;
import io.portfoliochat.testsupport.TestAdminTokens;
import io.portfoliochat.testsupport.TestHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The stack's logs (every service's log file and the Kafka broker's) never contain a secret: the JWT
 * secret, the realtime app secret, the admin password (nor a wrong one someone typed), an admin JWT
 * or a visitor's session token. The test first does what is most likely to log them — logins that
 * fail and succeed, bad tokens, visitors chatting, channel authorizations, sockets — and then reads
 * everything the stack has logged, including what the other suites of this run caused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsInLogsTest {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]*");

    private TargetSystem target;
    private final String mistypedPassword = "Mistyped-" + UUID.randomUUID();

    @BeforeAll
    void trafficThatWouldLogSecretsIfAnythingDid() {
        target = TargetSystem.get();
        TestHttp gateway = target.gateway();
        TestHttp.Response failed = target.withinRateLimit(() -> gateway.postJson("/api/admin/login",
                Map.of("email", target.secrets().adminEmail(), "password", mistypedPassword)));
        assertThat(failed.status()).isEqualTo(401);
        String admin = target.adminAuthorization();
        Visitor visitor = target.visitorWithQuietConversation("Hi, is my session token safe?");
        gateway.postJson("/api/chat/send", Map.of("content", "My token is in a header, not here"), "X-Session-Token", visitor.token());
        gateway.get("/api/chat/messages?conversationId=" + visitor.conversationId(), "X-Session-Token", visitor.token());
        gateway.postJson("/api/chat/session", Map.of("sessionToken", visitor.token()));
        gateway.postForm("/api/pusher/auth", "socket_id=1.2&channel_name=private-conversation-" + visitor.conversationId(),
                "X-Session-Token", visitor.token());
        gateway.postForm("/api/pusher/auth", "socket_id=1.2&channel_name=presence-admin-chat", "Authorization", admin);
        gateway.get("/api/chat/settings", "Authorization", "Bearer " + TestAdminTokens.expired());
        gateway.get("/api/chat/settings", "Authorization", admin + "tampered");
        gateway.get("/api/chat/conversations", "Authorization", admin);
        try (PusherTestClient socket = target.system().pusher(Map.of("Authorization", admin))) {
            socket.subscribePresence("presence-admin-chat");
            socket.awaitSubscribed("presence-admin-chat");
        }
    }

    @Test
    void noLogOfTheStackContainsASecretOrACredential() {
        Map<Path, String> logs = logs();
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("the JWT secret", target.secrets().jwtSecret());
        secrets.put("the realtime app secret", target.secrets().realtimeAppSecret());
        secrets.put("the admin password", target.secrets().adminPassword());
        secrets.put("a mistyped admin password", mistypedPassword);
        target.usedCredentials().forEach(credential -> secrets.put("a token used by the tests (" + credential.substring(0, 6) + "...)",
                credential));

        List<String> leaks = new ArrayList<>();
        logs.forEach((file, text) -> {
            secrets.forEach((what, secret) -> {
                if (text.contains(secret)) {
                    leaks.add(what + " in " + file);
                }
            });
            Matcher jwt = JWT.matcher(text);
            if (jwt.find()) {
                leaks.add("a JWT (" + jwt.group().substring(0, 20) + "...) in " + file);
            }
        });

        assertThat(secrets).as("credentials the tests used").hasSizeGreaterThan(5);
        assertThat(String.join("\n", logs.values())).as("the logs record what was done")
                .contains("Admin login failed").contains("POST /api/chat/send").contains("POST /api/pusher/auth");
        assertThat(leaks).as("secrets found in %s", logs.keySet()).isEmpty();
    }

    @Test
    void whatTheGatewayShowsEveryoneContainsNoSecret() {
        List<String> secrets = List.of(target.secrets().jwtSecret(), target.secrets().realtimeAppSecret(),
                target.secrets().adminPassword());
        for (String path : List.of("/actuator/health", "/actuator/info", "/actuator/prometheus", "/api/chat/config", "/api/portfolio")) {
            TestHttp.Response response = target.gateway().get(path);

            assertThat(response.status()).as(path).isLessThan(500);
            assertThat(secrets).allSatisfy(secret -> assertThat(response.body()).as(path).doesNotContain(secret));
            assertThat(JWT.matcher(response.body()).find()).as("a JWT in %s", path).isFalse();
        }
    }

    /** Every log the stack writes: one file per service, and the Kafka broker's. */
    private Map<Path, String> logs() {
        Path data = target.system().stack().config().dataDirectory();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> serviceLogs = Files.list(data.resolve("logs"))) {
            serviceLogs.filter(Files::isRegularFile).forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.add(data.resolve("kafka").resolve("broker.log"));
        Map<Path, String> logs = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                logs.put(data.relativize(file), Files.readString(file, StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        assertThat(logs).as("logs in %s", data).hasSizeGreaterThanOrEqualTo(6);
        return logs;
    }
}
