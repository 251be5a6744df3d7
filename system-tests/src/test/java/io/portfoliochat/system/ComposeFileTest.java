package io.portfoliochat.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

/** Docker cannot run here, so the compose file is checked against the build instead. */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> INFRASTRUCTURE = List.of("mysql", "kafka", "redis");
    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;
    private static List<String> serviceModules;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws Exception {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(reader);
        }
        services = (Map<String, Map<String, Object>>) compose.get("services");
        serviceModules = new ArrayList<>();
        NodeList modules = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(ROOT.resolve("pom.xml").toFile()).getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            String module = modules.item(i).getTextContent().trim();
            if (module.endsWith("-service")) {
                serviceModules.add(module);
            }
        }
    }

    @Test
    void everyServiceModuleIsInTheComposeFileAndNothingElseIs() {
        assertThat(serviceModules).hasSize(5);
        List<String> expected = new ArrayList<>(serviceModules);
        expected.addAll(INFRASTRUCTURE);
        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyServiceIsBuiltFromTheOneDockerfileWithItsModuleName() {
        for (String module : serviceModules) {
            Map<String, Object> build = map(services.get(module).get("build"));
            assertThat(build.get("context")).as(module).isEqualTo(".");
            assertThat(map(build.get("args")).get("SERVICE")).as(module).isEqualTo(module);
            assertThat(Files.exists(ROOT.resolve(module).resolve("pom.xml"))).as(module).isTrue();
        }
        assertThat(Files.exists(ROOT.resolve("Dockerfile"))).isTrue();
    }

    @Test
    void onlyTheGatewayPublishesAPort() {
        services.forEach((name, service) -> {
            if (name.equals("gateway-service")) {
                assertThat(list(service.get("ports"))).containsExactly("${GATEWAY_PORT:-8080}:8080");
            } else {
                assertThat(service.get("ports")).as(name + " must not publish a port").isNull();
            }
        });
        assertThat(map(map(compose.get("networks")).get("backend")).get("internal")).isEqualTo(true);
    }

    @Test
    void everyServiceHasAHealthCheckOnItsOwnPortAndWaitsForHealthyDependencies() throws IOException {
        for (String module : serviceModules) {
            Map<String, Object> service = services.get(module);
            String healthCheck = String.join(" ", list(map(service.get("healthcheck")).get("test")));
            assertThat(healthCheck).as(module).contains("http://localhost:8080/actuator/health/readiness");
            assertThat(dockerProfilePort(module)).as(module + " listens on 8080 in the docker profile").isEqualTo("8080");
            Map<String, Object> dependsOn = map(service.get("depends_on"));
            assertThat(dependsOn).as(module).isNotEmpty();
            dependsOn.forEach((dependency, condition) -> {
                assertThat(services).as(module + " depends on " + dependency).containsKey(dependency);
                assertThat(map(condition).get("condition")).isEqualTo("service_healthy");
            });
            assertThat(service.get("mem_limit")).as(module).isNotNull();
        }
        for (String infrastructure : INFRASTRUCTURE) {
            assertThat(services.get(infrastructure).get("healthcheck")).as(infrastructure).isNotNull();
        }
    }

    @Test
    void servicesFindEachOtherByComposeNamesAndTheirOwnPorts() {
        Pattern serviceUrl = Pattern.compile("https?://([a-z-]+):(\\d+)");
        for (String module : serviceModules) {
            Map<String, Object> environment = map(services.get(module).get("environment"));
            assertThat(environment.get("KAFKA_BOOTSTRAP_SERVERS")).as(module).isEqualTo("kafka:9092");
            assertThat(String.valueOf(environment.get("JWT_SECRET"))).as(module).startsWith("${JWT_SECRET:?");
            environment.forEach((name, value) -> {
                Matcher matcher = serviceUrl.matcher(String.valueOf(value));
                if (name.endsWith("_URL") && matcher.find()) {
                    assertThat(services).as(module + " " + name).containsKey(matcher.group(1));
                    assertThat(matcher.group(2)).as(module + " " + name).isEqualTo("8080");
                }
            });
            Object database = environment.get("DATABASE_URL");
            if (database != null) {
                assertThat(String.valueOf(database)).as(module).startsWith("jdbc:mysql://mysql:3306/");
            }
        }
    }

    @Test
    void theAssistantCanBeScaledOut() {
        Map<String, Object> assistant = services.get("ai-responder-service");
        assertThat(assistant.get("container_name")).isNull();
        assertThat(assistant.get("ports")).isNull();
    }

    private static String dockerProfilePort(String module) throws IOException {
        String yaml = Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.yml"));
        for (Object document : new Yaml().loadAll(yaml)) {
            Map<String, Object> doc = map(document);
            Map<String, Object> spring = map(doc.get("spring"));
            Map<String, Object> activate = map(map(spring.get("config")).get("activate"));
            if ("docker".equals(activate.get("on-profile"))) {
                return String.valueOf(map(doc.get("server")).get("port"));
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }
}
