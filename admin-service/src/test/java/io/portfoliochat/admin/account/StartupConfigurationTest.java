package io.portfoliochat.admin.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portfoliochat.admin.AdminServiceApplication;
import io.portfoliochat.testsupport.TestAdminTokens;
import io.portfoliochat.testsupport.TestDatabases;
import io.portfoliochat.testsupport.TestHttp;
import io.portfoliochat.testsupport.TestKafka;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What happens when the service starts with a given environment: the first admin, and the refusal
 * to start without a JWT secret. Each test starts the real application (real MariaDB and Kafka) the
 * way an operator would, with environment-style settings.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupConfigurationTest {

    private static final Pattern GENERATED = Pattern.compile("email: +(\\S+)\\s+password: +(\\S+)");

    @Test
    void generatedPasswordIsPrintedExactlyOnceAndLogsTheOwnerIn(CapturedOutput output) {
        TestDatabases.Database database = TestDatabases.create("FirstAdminGenerated");
        String email;
        String password;
        try (ConfigurableApplicationContext first = start(database)) {
            Matcher credentials = GENERATED.matcher(output.getOut());
            assertThat(credentials.find()).as("the framed block with the generated credentials").isTrue();
            email = credentials.group(1);
            password = credentials.group(2);
            assertThat(email).isEqualTo("admin@portfolio-chat.local");
            assertThat(password).hasSize(24);
            assertThat(login(first, email, password).status()).isEqualTo(200);
        }
        int printedBefore = output.getOut().length();

        try (ConfigurableApplicationContext second = start(database, "--ADMIN_EMAIL=late@example.com",
                "--ADMIN_PASSWORD=a-password-set-too-late")) {
            String secondStart = output.getOut().substring(printedBefore);
            assertThat(secondStart).contains("Admin accounts exist already").doesNotContain("GENERATED").doesNotContain(password);
            assertThat(login(second, email, password).status()).isEqualTo(200);
            assertThat(login(second, "late@example.com", "a-password-set-too-late").status()).isEqualTo(401);
        }
    }

    @Test
    void firstAdminFromTheEnvironmentLogsInAndItsPasswordIsNeverLogged(CapturedOutput output) {
        String password = "env-password-" + UUID.randomUUID();
        try (ConfigurableApplicationContext context = start(TestDatabases.create("FirstAdminFromEnv"),
                "--ADMIN_EMAIL=Owner@Example.com", "--ADMIN_PASSWORD=" + password, "--ADMIN_NAME=Dimas Pratama")) {
            TestHttp.Response login = login(context, "owner@example.com", password);
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.data().get("admin").get("name").asString()).isEqualTo("Dimas Pratama");
        }
        assertThat(output.getAll()).contains("First admin account created for owner@example.com").doesNotContain(password);
    }

    @Test
    void tooShortAdminPasswordStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> start(TestDatabases.create("ShortAdminPassword"), "--ADMIN_EMAIL=owner@example.com",
                "--ADMIN_PASSWORD=short").close())
                .hasStackTraceContaining("ADMIN_PASSWORD must be at least 12 characters long");
    }

    @Test
    void adminPasswordWithoutEmailStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> start(TestDatabases.create("PasswordWithoutEmail"),
                "--ADMIN_PASSWORD=a-long-enough-password").close())
                .hasStackTraceContaining("ADMIN_PASSWORD is set but ADMIN_EMAIL is not");
    }

    @Test
    void missingJwtSecretOutsideTheLocalAndTestProfilesStopsTheStart() {
        assertThatThrownBy(() -> run(TestDatabases.create("NoJwtSecret"), List.of(
                "--spring.profiles.active=prod", "--portfoliochat.security.jwt.secret=")).close())
                .hasStackTraceContaining("JWT_SECRET is not set");
    }

    private static ConfigurableApplicationContext start(TestDatabases.Database database, String... environment) {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=test",
                "--portfoliochat.security.jwt.secret=" + TestAdminTokens.SECRET));
        arguments.addAll(List.of(environment));
        return run(database, arguments);
    }

    private static ConfigurableApplicationContext run(TestDatabases.Database database, List<String> arguments) {
        List<String> all = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                "--portfoliochat.kafka.topic-prefix=" + database.name() + "-"));
        all.addAll(arguments);
        return new SpringApplicationBuilder(AdminServiceApplication.class).run(all.toArray(String[]::new));
    }

    private static TestHttp.Response login(ConfigurableApplicationContext context, String email, String password) {
        int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        return TestHttp.localhost(port).postJson("/api/admin/login", Map.of("email", email, "password", password));
    }
}
