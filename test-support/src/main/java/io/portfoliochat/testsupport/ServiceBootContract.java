package io.portfoliochat.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.support.kafka.TopicNames;
import io.portfoliochat.events.Topics;
import java.sql.Connection;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * What every servlet service must do once booted against real infrastructure. A service's boot
 * test extends this and carries {@link ServiceIntegrationTest}.
 */
public abstract class ServiceBootContract {

    @LocalServerPort
    protected int port;

    @Autowired
    protected Environment environment;

    @Autowired
    protected ObjectProvider<DataSource> dataSource;

    @Autowired
    protected ObjectProvider<TopicNames> topicNames;

    protected TestHttp http() {
        return TestHttp.localhost(port);
    }

    @Test
    void answersHealthUpWithReadinessAndLiveness() {
        TestHttp.Response health = http().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(http().get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
        assertThat(http().get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void exposesPrometheusMetricsTaggedWithItsName() {
        TestHttp.Response metrics = http().get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes")
                .contains("application=\"" + environment.getProperty("spring.application.name") + "\"");
    }

    @Test
    void describesItsHttpApiWithOpenApi() {
        TestHttp.Response docs = http().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("openapi").asString()).startsWith("3.");
    }

    @Test
    void answersAnUnknownPathWithTheJsonErrorEnvelope() {
        TestHttp.Response response = http().get("/api/no-such-thing");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.error()).isNotBlank();
    }

    @Test
    void createdItsTopicsOnTheRealKafkaBroker() throws Exception {
        TopicNames names = topicNames.getIfAvailable();
        if (names == null) {
            assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isNotBlank();
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                environment.getRequiredProperty("spring.kafka.bootstrap-servers")))) {
            Set<String> topics = admin.listTopics().names().get();
            assertThat(topics).contains(names.conversationEvents(), names.settings(), names.portfolio(),
                    names.physical(Topics.deadLetter(Topics.CONVERSATION_EVENTS)));
            assertThat(admin.describeTopics(Set.of(names.conversationEvents())).allTopicNames().get()
                    .get(names.conversationEvents()).partitions()).hasSize(Topics.CONVERSATION_PARTITIONS);
        }
    }

    @Test
    void usesAFreshRealDatabaseOfItsOwnWhenItHasOne() throws Exception {
        DataSource source = dataSource.getIfAvailable();
        if (source == null) {
            assertThat(environment.getProperty("spring.datasource.url")).isNull();
            return;
        }
        try (Connection connection = source.getConnection()) {
            assertThat(connection.getCatalog()).startsWith("t_");
            assertThat(connection.getMetaData().getURL()).contains(connection.getCatalog());
        }
    }
}
