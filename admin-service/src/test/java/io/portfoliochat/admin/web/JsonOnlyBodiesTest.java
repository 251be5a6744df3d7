package io.portfoliochat.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestAdminTokens;
import io.portfoliochat.testsupport.TestHttp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Request bodies are read as JSON only. YAML (which Spring would read through Jackson 2 because
 * swagger-core puts jackson-dataformat-yaml on the classpath) used to answer 500 on every admin
 * route and bypassed the strict JSON rules.
 */
@ServiceIntegrationTest
class JsonOnlyBodiesTest {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} {1} as {2}")
    @CsvSource({
            "PATCH, /api/chat/settings, application/yaml, 'aiEnabled: false'",
            "PATCH, /api/chat/settings, application/x-yaml, 'aiEnabled: false'",
            "PATCH, /api/chat/conversations/42, application/yaml, 'isAiHandled: false'",
            "PUT, /api/portfolio, application/yaml, 'about: {name: Intruder}'",
            "POST, /api/admin/login, application/yaml, 'email: owner@example.com'"})
    void aYamlBodyIsRefusedWith415(String method, String path, String contentType, String body) {
        TestHttp.Response response = TestHttp.localhost(port).send(method, path, contentType,
                body.getBytes(StandardCharsets.UTF_8), "Authorization", TestAdminTokens.bearer(TestAdminTokens.valid()));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.error()).startsWith("Content-Type must be application/json").doesNotContain("yaml");
    }

    @Test
    void answersAreNeverWrittenAsYaml() {
        TestHttp.Response response = TestHttp.localhost(port).get("/api/portfolio", "Accept", "application/yaml");

        assertThat(response.status()).isEqualTo(406);
        assertThat(response.body()).doesNotContain("success: true").doesNotContain("about:");
    }
}
