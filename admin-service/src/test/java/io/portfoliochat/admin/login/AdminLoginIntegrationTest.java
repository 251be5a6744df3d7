package io.portfoliochat.admin.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.admin.MutableClock;
import io.portfoliochat.support.security.AdminPrincipal;
import io.portfoliochat.support.security.AdminTokens;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

@ServiceIntegrationTest(properties = {
        "ADMIN_EMAIL=" + AdminLoginIntegrationTest.EMAIL,
        "ADMIN_PASSWORD=" + AdminLoginIntegrationTest.PASSWORD,
        "ADMIN_NAME=Dimas Pratama",
        "portfoliochat.login.max-failures-per-account=3",
        "portfoliochat.login.max-failures-per-address=6",
        "portfoliochat.login.first-lockout=60s",
        "portfoliochat.login.max-lockout=10m",
        "portfoliochat.login.quiet-period=15m"})
@Import(MutableClock.Configuration.class)
class AdminLoginIntegrationTest {

    static final String EMAIL = "owner@example.com";
    /** Exactly 72 bytes: the most BCrypt reads, so a longer password with this prefix would match if it were truncated. */
    static final String PASSWORD = "correct-horse-battery-staple-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDE";
    private static final AtomicInteger addresses = new AtomicInteger();
    private static final ExecutorService pool = Executors.newFixedThreadPool(10);

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    AdminTokens tokens;

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @BeforeEach
    void forgetEarlierFailures() {
        // Every lockout and quiet period of earlier tests is long over a day later.
        clock.advance(Duration.ofDays(1));
    }

    @Test
    void ownerLogsInWithTheBootstrapCredentialsAndGetsAVerifiableAdminToken() {
        assertThat(PASSWORD.getBytes(StandardCharsets.UTF_8)).hasSize(72);
        TestHttp.Response response = login(EMAIL, PASSWORD, newAddress());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("success").asBoolean()).isTrue();
        String token = response.data().get("token").asString();
        AdminPrincipal admin = tokens.verify(token).admin().orElseThrow();
        assertThat(admin.name()).isEqualTo("Dimas Pratama");
        assertThat(admin.email()).isEqualTo(EMAIL);
        assertThat(response.data().get("admin").get("id").asLong()).isEqualTo(admin.id());
        assertThat(response.data().get("admin").get("name").asString()).isEqualTo("Dimas Pratama");
        assertThat(response.data().get("admin").get("email").asString()).isEqualTo(EMAIL);
        Instant expiresAt = Instant.parse(response.data().get("expiresAt").asString());
        assertThat(expiresAt).isBetween(Instant.now().plus(Duration.ofHours(11)), Instant.now().plus(Duration.ofHours(13)));

        TestHttp.Response settings = http().get("/api/chat/settings", "Authorization", "Bearer " + token);
        assertThat(settings.status()).isEqualTo(200);
    }

    @Test
    void emailIsMatchedIgnoringCaseAndSurroundingSpaces() {
        assertThat(login("  Owner@Example.COM ", PASSWORD, newAddress()).status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        TestHttp.Response wrongPassword = login(EMAIL, "not-the-password", newAddress());
        TestHttp.Response unknownEmail = login("nobody@example.com", PASSWORD, newAddress());

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.error()).isEqualTo("Invalid email or password");
        assertThat(unknownEmail.body()).isEqualTo(wrongPassword.body());
    }

    @Test
    void passwordLongerThanBcryptReadsIsRefusedEvenWhenItStartsWithTheRightOne() {
        assertThat(login(EMAIL, PASSWORD + "-and-more", newAddress()).status()).isEqualTo(401);
        assertThat(login(EMAIL, PASSWORD, newAddress()).status()).isEqualTo(200);
    }

    @Test
    void accountIsLockedAfterRepeatedFailuresWithRetryAfterEvenForTheRightPassword() {
        for (int i = 0; i < 3; i++) {
            assertThat(login(EMAIL, "guess-" + i, newAddress()).status()).isEqualTo(401);
        }

        TestHttp.Response locked = login(EMAIL, PASSWORD, newAddress());
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).contains("60");
        assertThat(locked.json().get("success").asBoolean()).isFalse();
        assertThat(locked.error()).isEqualTo("Too many failed login attempts. Try again in 60 seconds.");

        clock.advance(Duration.ofSeconds(61));
        assertThat(login(EMAIL, PASSWORD, newAddress()).status()).isEqualTo(200);
    }

    @Test
    void lockoutDoublesWithEveryFailureAfterTheFirstLockout() {
        for (int i = 0; i < 3; i++) {
            login(EMAIL, "guess-" + i, newAddress());
        }
        clock.advance(Duration.ofSeconds(61));
        assertThat(login(EMAIL, "guess-after-lockout", newAddress()).status()).isEqualTo(401);
        assertThat(login(EMAIL, PASSWORD, newAddress()).header("Retry-After")).contains("120");

        clock.advance(Duration.ofSeconds(121));
        assertThat(login(EMAIL, "another-guess", newAddress()).status()).isEqualTo(401);
        TestHttp.Response locked = login(EMAIL, PASSWORD, newAddress());
        assertThat(locked.header("Retry-After")).contains("240");
        assertThat(locked.error()).isEqualTo("Too many failed login attempts. Try again in 4 minutes.");
    }

    @Test
    void successfulLoginForgivesTheAccountsEarlierFailures() {
        login(EMAIL, "guess-1", newAddress());
        login(EMAIL, "guess-2", newAddress());
        assertThat(login(EMAIL, PASSWORD, newAddress()).status()).isEqualTo(200);

        assertThat(login(EMAIL, "guess-3", newAddress()).status()).isEqualTo(401);
        assertThat(login(EMAIL, "guess-4", newAddress()).status()).isEqualTo(401);
        assertThat(login(EMAIL, PASSWORD, newAddress()).status()).isEqualTo(200);
    }

    @Test
    void failuresAreForgottenAfterAQuietPeriod() {
        login(EMAIL, "guess-1", newAddress());
        login(EMAIL, "guess-2", newAddress());
        clock.advance(Duration.ofMinutes(16));

        login(EMAIL, "guess-3", newAddress());
        login(EMAIL, "guess-4", newAddress());
        assertThat(login(EMAIL, PASSWORD, newAddress()).status()).isEqualTo(200);
    }

    @Test
    void anAddressTryingManyAccountsIsLockedWhileOtherAddressesStillLogIn() {
        String attacker = newAddress();
        for (int i = 0; i < 6; i++) {
            assertThat(login("victim-" + i + "@example.com", "guess", attacker).status()).isEqualTo(401);
        }

        TestHttp.Response locked = login(EMAIL, PASSWORD, attacker);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).contains("60");
        assertThat(login(EMAIL, PASSWORD, newAddress()).status()).isEqualTo(200);
    }

    @Test
    void rotatingTheClientSuppliedForwardedForHopDoesNotEscapeTheAddressLimit() {
        String gatewaySeen = newAddress();
        for (int i = 0; i < 6; i++) {
            // What a client sends is left of what the gateway appends; only the gateway's entry counts.
            login("victim-" + i + "@example.com", "guess", "198.51.100." + i + ", " + gatewaySeen);
        }

        assertThat(login(EMAIL, PASSWORD, "203.0.113.99, " + gatewaySeen).status()).isEqualTo(429);
    }

    @Test
    void parallelGuessesCannotSlipPastTheAccountLimit() throws Exception {
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String guess = "parallel-guess-" + i;
            guesses.add(() -> login(EMAIL, guess, newAddress()).status());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : pool.invokeAll(guesses)) {
            statuses.add(status.get());
        }

        assertThat(statuses).containsOnly(401, 429);
        assertThat(statuses.stream().filter(status -> status == 401).count()).isLessThanOrEqualTo(3);
        assertThat(login(EMAIL, PASSWORD, newAddress()).status()).isEqualTo(429);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"email": "owner@example.com", "password": }                | Request body is not valid JSON
            [1, 2]                                                      | Request body must be a JSON object
            {"password": "secret-password"}                             | email: must not be blank
            {"email": "owner@example.com"}                              | password: must not be null
            {"email": "owner@example.com", "password": ""}              | password: size must be between 1 and 1024
            {"email": "not-an-email", "password": "secret-password"}    | email: must be a well-formed email address
            {"email": 42, "password": "secret-password"}                | Field 'email' must be a string
            {"email": "owner@example.com", "password": true}            | Field 'password' must be a string
            {"username": "owner", "password": "secret-password"}        | Unknown field 'username' (allowed: email, password)
            """)
    void invalidLoginRequestsGetA400WithTheEnvelope(String body, String message) {
        TestHttp.Response response = http().send("POST", "/api/admin/login", "application/json",
                body.getBytes(StandardCharsets.UTF_8), "X-Forwarded-For", newAddress());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.error()).isEqualTo(message);
    }

    @Test
    void loginWithoutABodyOrWithAnotherContentTypeIsRefused() {
        TestHttp.Response empty = http().send("POST", "/api/admin/login", "application/json", null);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.error()).isEqualTo("Request body is required");

        TestHttp.Response form = http().postForm("/api/admin/login", "email=owner%40example.com&password=x");
        assertThat(form.status()).isEqualTo(415);
        assertThat(form.error()).startsWith("Content-Type must be application/json");
    }

    private TestHttp.Response login(String email, String password, String forwardedFor) {
        return http().postJson("/api/admin/login", Map.of("email", email, "password", password),
                "X-Forwarded-For", forwardedFor);
    }

    private TestHttp http() {
        return TestHttp.localhost(port);
    }

    /** A distinct client address per request, so the per-address limit stays out of per-account tests. */
    private static String newAddress() {
        int n = addresses.incrementAndGet();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }
}
