package io.portfoliochat.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where the stack keeps its data, which ports it uses, and how the services run.
 *
 * @param databaseServerUrl a MySQL/MariaDB server URL without a database (e.g. {@code jdbc:mariadb://127.0.0.1:3306/});
 *                          null for the embedded MariaDB
 * @param rateLimitStore    the gateway's rate-limit store: {@code memory} or {@code redis}
 */
public record StackConfig(
        Path repositoryRoot,
        Path dataDirectory,
        Map<StackService, Integer> ports,
        int kafkaPort,
        int embeddedDatabasePort,
        String databaseServerUrl,
        String databaseUsername,
        String databasePassword,
        List<String> serviceJvmOptions,
        Map<StackService, Map<String, String>> extraEnvironment,
        String rateLimitStore,
        Duration readyTimeout) {

    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-Xms64m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Xshare:auto");

    /** The defaults of {@code ./run.sh}: gateway on 8080, services on 8081-8084, Kafka on 9092, embedded MariaDB on 3307. */
    public static StackConfig defaults(Path repositoryRoot) {
        Map<StackService, Integer> ports = new EnumMap<>(StackService.class);
        for (StackService service : StackService.values()) {
            ports.put(service, service.defaultPort());
        }
        return new StackConfig(repositoryRoot, repositoryRoot.resolve(".data"), ports, 9092, 3307, null, "root", "",
                DEFAULT_JVM_OPTIONS, Map.of(), "memory", Duration.ofSeconds(150));
    }

    /** The same stack on other ports: gateway {@code base}, services {@code base+1..4}, Kafka {@code base+10}, database {@code base+11}. */
    public StackConfig onPorts(int base) {
        Map<StackService, Integer> moved = new EnumMap<>(StackService.class);
        moved.put(StackService.GATEWAY, base);
        moved.put(StackService.CHAT, base + 1);
        moved.put(StackService.ADMIN, base + 2);
        moved.put(StackService.AI_RESPONDER, base + 3);
        moved.put(StackService.REALTIME, base + 4);
        return new StackConfig(repositoryRoot, dataDirectory, moved, base + 10, base + 11, databaseServerUrl, databaseUsername,
                databasePassword, serviceJvmOptions, extraEnvironment, rateLimitStore, readyTimeout);
    }

    public StackConfig withDataDirectory(Path directory) {
        return new StackConfig(repositoryRoot, directory, ports, kafkaPort, embeddedDatabasePort, databaseServerUrl,
                databaseUsername, databasePassword, serviceJvmOptions, extraEnvironment, rateLimitStore, readyTimeout);
    }

    public StackConfig withDatabaseServer(String url, String username, String password) {
        return new StackConfig(repositoryRoot, dataDirectory, ports, kafkaPort, embeddedDatabasePort, serverUrl(url),
                username, password, serviceJvmOptions, extraEnvironment, rateLimitStore, readyTimeout);
    }

    public StackConfig withKafkaPort(int port) {
        return new StackConfig(repositoryRoot, dataDirectory, ports, port, embeddedDatabasePort, databaseServerUrl,
                databaseUsername, databasePassword, serviceJvmOptions, extraEnvironment, rateLimitStore, readyTimeout);
    }

    public StackConfig withEmbeddedDatabasePort(int port) {
        return new StackConfig(repositoryRoot, dataDirectory, ports, kafkaPort, port, databaseServerUrl,
                databaseUsername, databasePassword, serviceJvmOptions, extraEnvironment, rateLimitStore, readyTimeout);
    }

    public StackConfig withGatewayPort(int port) {
        Map<StackService, Integer> moved = new EnumMap<>(ports);
        moved.put(StackService.GATEWAY, port);
        return new StackConfig(repositoryRoot, dataDirectory, moved, kafkaPort, embeddedDatabasePort, databaseServerUrl,
                databaseUsername, databasePassword, serviceJvmOptions, extraEnvironment, rateLimitStore, readyTimeout);
    }

    public StackConfig withServiceJvmOptions(List<String> options) {
        return new StackConfig(repositoryRoot, dataDirectory, ports, kafkaPort, embeddedDatabasePort, databaseServerUrl,
                databaseUsername, databasePassword, options, extraEnvironment, rateLimitStore, readyTimeout);
    }

    public StackConfig withExtraEnvironment(Map<StackService, Map<String, String>> environment) {
        return new StackConfig(repositoryRoot, dataDirectory, ports, kafkaPort, embeddedDatabasePort, databaseServerUrl,
                databaseUsername, databasePassword, serviceJvmOptions, environment, rateLimitStore, readyTimeout);
    }

    public int port(StackService service) {
        return ports.get(service);
    }

    public Path jar(StackService service) {
        return repositoryRoot.resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
    }

    /** The classpath with the Kafka jars: this JVM's (the launcher jar's manifest, or a test's). */
    public String kafkaClasspath() {
        return System.getProperty("java.class.path");
    }

    public String allowedOrigins() {
        int gateway = port(StackService.GATEWAY);
        return "http://localhost:" + gateway + ",http://127.0.0.1:" + gateway;
    }

    /** {@code jdbc:mariadb://host:3306/anything?x} → {@code jdbc:mariadb://host:3306/}. */
    static String serverUrl(String url) {
        int schemeEnd = url.indexOf("//");
        int pathStart = schemeEnd < 0 ? -1 : url.indexOf('/', schemeEnd + 2);
        return pathStart < 0 ? url + "/" : url.substring(0, pathStart + 1);
    }
}
