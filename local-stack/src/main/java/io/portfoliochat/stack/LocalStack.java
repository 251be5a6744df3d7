package io.portfoliochat.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The whole system on one machine: a Kafka broker process, a database (the configured server or
 * an embedded MariaDB), and the five services as JVMs — started in parallel, each waited for on
 * its readiness endpoint, stopped in order (gateway first, Kafka and the database last).
 */
public final class LocalStack implements AutoCloseable {

    static final String CHAT_DATABASE = "portfolio_chat_chat";
    static final String ADMIN_DATABASE = "portfolio_chat_admin";

    private final StackConfig config;
    private final StackSecrets secrets;
    private final Map<StackService, ServiceProcess> services = new EnumMap<>(StackService.class);
    private final List<ServiceProcess> additionalInstances = new java.util.concurrent.CopyOnWriteArrayList<>();
    private String databaseServer;
    private KafkaBrokerProcess kafka;
    private EmbeddedMariaDb embeddedDatabase;
    private Duration startupTime;

    private LocalStack(StackConfig config) {
        this.config = config;
        this.secrets = StackSecrets.loadOrCreate(config.dataDirectory());
    }

    /** Starts everything and returns once every service is ready; stops what it started if anything fails. */
    public static LocalStack start(StackConfig config) {
        LocalStack stack = new LocalStack(config);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        long started = System.nanoTime();
        checkJarsExist();
        checkPortsFree();
        CompletableFuture<Void> broker = CompletableFuture.runAsync(() -> {
            kafka = KafkaBrokerProcess.inDirectory(config.dataDirectory().resolve("kafka"), config.kafkaPort())
                    .classpath(config.kafkaClasspath());
            kafka.start();
        });
        databaseServer = startDatabase();
        await(broker);
        for (StackService service : StackService.values()) {
            services.put(service, newProcess(service, databaseServer));
        }
        services.values().forEach(ServiceProcess::start);
        List<CompletableFuture<Void>> readiness = new ArrayList<>();
        for (ServiceProcess process : services.values()) {
            readiness.add(CompletableFuture.runAsync(() -> process.awaitReady(config.readyTimeout())));
        }
        readiness.forEach(LocalStack::await);
        startupTime = Duration.ofNanos(System.nanoTime() - started);
    }

    private String startDatabase() {
        String server;
        if (config.databaseServerUrl() == null) {
            embeddedDatabase = EmbeddedMariaDb.start(config.dataDirectory().resolve("mariadb"), config.embeddedDatabasePort());
            server = embeddedDatabase.serverUrl();
        } else {
            server = config.databaseServerUrl();
        }
        try (Connection connection = DriverManager.getConnection(server, config.databaseUsername(), config.databasePassword());
             Statement statement = connection.createStatement()) {
            for (String database : List.of(CHAT_DATABASE, ADMIN_DATABASE)) {
                statement.execute("CREATE DATABASE IF NOT EXISTS `" + database
                        + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
        } catch (SQLException e) {
            throw new StackException("Cannot use the database at " + server + ": " + e.getMessage()
                    + (config.databaseServerUrl() == null ? "" : " (check DATABASE_URL, DATABASE_USERNAME, DATABASE_PASSWORD)"));
        }
        return server;
    }

    /**
     * Starts another instance of a service on its own port (e.g. a second ai-responder sharing the
     * work through its consumer group) and waits until it is ready; {@link #close()} stops it too.
     */
    public ServiceProcess addInstance(StackService service, int port) {
        ServiceProcess template = newProcess(service, databaseServer);
        Map<String, String> environment = new LinkedHashMap<>(template.environment());
        environment.put("PORT", Integer.toString(port));
        ServiceProcess instance = new ServiceProcess(service.module() + "-" + port, port, template.command(), environment,
                config.dataDirectory().resolve("logs").resolve(service.module() + "-" + port + ".log"));
        additionalInstances.add(instance);
        instance.start();
        instance.awaitReady(config.readyTimeout());
        return instance;
    }

    /** Stops the embedded database and starts it again on the same data (the services reconnect on their own). */
    public void restartEmbeddedDatabase() {
        if (embeddedDatabase == null) {
            throw new IllegalStateException("the stack uses an external database server");
        }
        embeddedDatabase.close();
        embeddedDatabase = EmbeddedMariaDb.start(config.dataDirectory().resolve("mariadb"), config.embeddedDatabasePort());
    }

    private ServiceProcess newProcess(StackService service, String databaseServer) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_PROFILES_ACTIVE", "local");
        environment.put("PORT", Integer.toString(config.port(service)));
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("JWT_SECRET", secrets.jwtSecret());
        environment.put("CHAT_SERVICE_URL", url(StackService.CHAT));
        switch (service) {
            case CHAT -> database(environment, databaseServer, CHAT_DATABASE);
            case ADMIN -> {
                database(environment, databaseServer, ADMIN_DATABASE);
                environment.put("ADMIN_EMAIL", secrets.adminEmail());
                environment.put("ADMIN_PASSWORD", secrets.adminPassword());
                environment.put("ADMIN_NAME", "Portfolio Owner");
                environment.put("PORTFOLIO_DEMO", "true");
            }
            case REALTIME -> {
                environment.put("REALTIME_APP_SECRET", secrets.realtimeAppSecret());
                environment.put("ALLOWED_ORIGINS", config.allowedOrigins());
            }
            case GATEWAY -> {
                environment.put("ADMIN_SERVICE_URL", url(StackService.ADMIN));
                environment.put("AI_RESPONDER_URL", url(StackService.AI_RESPONDER));
                environment.put("REALTIME_URL", url(StackService.REALTIME));
                environment.put("ALLOWED_ORIGINS", config.allowedOrigins());
                environment.put("RATE_LIMIT_STORE", config.rateLimitStore());
            }
            default -> {
            }
        }
        environment.putAll(config.extraEnvironment().getOrDefault(service, Map.of()));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + service.maxHeap());
        command.addAll(config.serviceJvmOptions());
        command.addAll(List.of("-jar", config.jar(service).toString()));
        return new ServiceProcess(service.module(), config.port(service), command, environment,
                config.dataDirectory().resolve("logs").resolve(service.module() + ".log"));
    }

    private void database(Map<String, String> environment, String server, String database) {
        environment.put("DATABASE_URL", server + database);
        environment.put("DATABASE_USERNAME", config.databaseUsername());
        environment.put("DATABASE_PASSWORD", config.databasePassword());
    }

    private String url(StackService service) {
        return "http://127.0.0.1:" + config.port(service);
    }

    private void checkJarsExist() {
        for (StackService service : StackService.values()) {
            if (!Files.isRegularFile(config.jar(service))) {
                throw new StackException(config.jar(service) + " is missing: build first with "
                        + "`mvn -DskipTests package` (./run.sh does it for you)");
            }
        }
    }

    private void checkPortsFree() {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (StackService service : StackService.values()) {
            wanted.put(service.module(), config.port(service));
        }
        wanted.put("Kafka", config.kafkaPort());
        if (config.databaseServerUrl() == null) {
            wanted.put("embedded MariaDB", config.embeddedDatabasePort());
        }
        List<String> taken = new ArrayList<>();
        wanted.forEach((what, port) -> {
            if (!free(port)) {
                taken.add("port " + port + " (" + what + ")");
            }
        });
        if (!taken.isEmpty()) {
            throw new StackException("Already in use: " + String.join(", ", taken)
                    + ". Stop what uses it (see `ss -ltnp`), or choose other ports (GATEWAY_PORT, KAFKA_PORT, "
                    + "DATABASE_PORT, SERVICE_PORT_BASE).");
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void await(CompletableFuture<Void> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    public ServiceProcess service(StackService service) {
        return services.get(service);
    }

    public KafkaBrokerProcess kafka() {
        return kafka;
    }

    public StackSecrets secrets() {
        return secrets;
    }

    public StackConfig config() {
        return config;
    }

    public String gatewayUrl() {
        return "http://localhost:" + config.port(StackService.GATEWAY);
    }

    public Duration startupTime() {
        return startupTime;
    }

    /** Stops the gateway (no new requests), then the other services together, then Kafka, then the embedded database. */
    @Override
    public void close() {
        ServiceProcess gateway = services.get(StackService.GATEWAY);
        if (gateway != null) {
            gateway.stop();
        }
        List<ServiceProcess> others = new ArrayList<>(additionalInstances);
        services.forEach((service, process) -> {
            if (service != StackService.GATEWAY) {
                others.add(process);
            }
        });
        others.stream().map(process -> CompletableFuture.runAsync(process::stop)).toList().forEach(CompletableFuture::join);
        if (kafka != null) {
            kafka.stop();
        }
        if (embeddedDatabase != null) {
            embeddedDatabase.close();
        }
    }
}
