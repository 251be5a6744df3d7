package io.portfoliochat.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.testsupport.ServiceBootContract;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
class AdminServiceBootTest extends ServiceBootContract {

    @Test
    void describesEveryRouteItOwnsInOpenApi() {
        JsonNode paths = http().get("/v3/api-docs").json().get("paths");

        assertThat(paths.get("/api/admin/login").has("post")).isTrue();
        assertThat(paths.get("/api/chat/settings").has("get")).isTrue();
        assertThat(paths.get("/api/chat/settings").has("patch")).isTrue();
        assertThat(paths.get("/api/chat/conversations/{id}").has("patch")).isTrue();
        assertThat(paths.get("/api/portfolio").has("get")).isTrue();
        assertThat(paths.get("/api/portfolio").has("put")).isTrue();
    }
}
