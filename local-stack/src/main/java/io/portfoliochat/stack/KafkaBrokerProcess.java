package io.portfoliochat.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft Kafka broker in its own JVM, run from the Kafka jars on the classpath,
 * with its data in a directory. Unlike the in-JVM embedded broker it keeps a fixed port and its
 * data across {@link #stop()} / {@link #start()} — or a {@link #kill()} — like a real broker
 * that goes down and comes back.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-Xshare:auto");

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private List<String> jvmOptions = DEFAULT_JVM_OPTIONS;
    private String classpath = System.getProperty("java.class.path");
    private Process process;

    private KafkaBrokerProcess(Path directory, int port, int controllerPort) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** A broker that will listen on {@code port} with its data in {@code directory}; not started yet. */
    public static KafkaBrokerProcess inDirectory(Path directory, int port) {
        try {
            Files.createDirectories(directory);
            Path ports = directory.resolve("ports.properties");
            Properties saved = new Properties();
            if (Files.exists(ports)) {
                try (InputStream in = Files.newInputStream(ports)) {
                    saved.load(in);
                }
            } else {
                saved.setProperty("controller", Integer.toString(freePort()));
                try (OutputStream out = Files.newOutputStream(ports)) {
                    saved.store(out, "the controller port must not change between restarts");
                }
            }
            return new KafkaBrokerProcess(directory, port, Integer.parseInt(saved.getProperty("controller")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JVM options of the broker process (heap, GC, JIT); the defaults suit a laptop. */
    public KafkaBrokerProcess jvmOptions(String... options) {
        this.jvmOptions = List.of(options);
        return this;
    }

    /** The classpath holding the Kafka jars; by default this JVM's own. */
    public KafkaBrokerProcess classpath(String classpath) {
        this.classpath = classpath;
        return this;
    }

    public Path directory() {
        return directory;
    }

    public Path log() {
        return directory.resolve("broker.log");
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized KafkaBrokerProcess start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        try {
            Path config = writeConfig();
            if (!Files.exists(directory.resolve("logs").resolve("meta.properties"))) {
                format(config);
            }
            List<String> command = new ArrayList<>(ChildProcesses.detachedFromTerminal());
            command.add(java());
            command.addAll(jvmOptions);
            command.addAll(List.of("-Dlogback.configurationFile=" + writeLogbackConfig(), "-cp", classpath,
                    "kafka.Kafka", config.toString()));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .start();
            awaitReady(Duration.ofSeconds(120));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clean shutdown (SIGTERM), as an operator would stop it. */
    public synchronized void stop() {
        terminate(false);
    }

    /** {@code kill -9}. */
    public synchronized void kill() {
        terminate(true);
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        kill();
    }

    private void terminate(boolean forcibly) {
        if (process == null) {
            return;
        }
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private Path writeConfig() throws IOException {
        Properties config = new Properties();
        config.setProperty("process.roles", "broker,controller");
        config.setProperty("node.id", "1");
        config.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        config.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        config.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        config.setProperty("controller.listener.names", "CONTROLLER");
        config.setProperty("inter.broker.listener.name", "PLAINTEXT");
        config.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.setProperty("log.dirs", directory.resolve("logs").toString());
        config.setProperty("num.partitions", "6");
        config.setProperty("auto.create.topics.enable", "true");
        config.setProperty("offsets.topic.replication.factor", "1");
        config.setProperty("offsets.topic.num.partitions", "6");
        config.setProperty("transaction.state.log.replication.factor", "1");
        config.setProperty("transaction.state.log.min.isr", "1");
        config.setProperty("share.coordinator.state.topic.replication.factor", "1");
        config.setProperty("share.coordinator.state.topic.min.isr", "1");
        config.setProperty("group.initial.rebalance.delay.ms", "0");
        Path file = directory.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            config.store(out, "written by KafkaBrokerProcess");
        }
        return file;
    }

    private void format(Path config) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx128m", "-Dlogback.configurationFile=" + writeLogbackConfig(),
                "-cp", classpath,
                "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()));
        Process formatting = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("format.log").toFile())).start();
        try {
            if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
                throw new IllegalStateException("Formatting Kafka storage failed: " + Files.readString(directory.resolve("format.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kafka logs through SLF4J; without a configuration Logback would log everything at DEBUG. */
    private Path writeLogbackConfig() throws IOException {
        Path file = directory.resolve("logback.xml");
        Files.writeString(file, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                  <logger name="org.apache.kafka" level="WARN"/>
                  <logger name="kafka" level="WARN"/>
                  <logger name="state.change.logger" level="WARN"/>
                  <logger name="kafka.server.BrokerServer" level="INFO"/>
                </configuration>
                """);
        return file;
    }

    private void awaitReady(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited on start: " + tail(directory.resolve("broker.log")));
            }
            try (Admin admin = Admin.create(adminConfig)) {
                if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception notYet) {
                // still starting
            }
            sleep(250);
        }
        throw new IllegalStateException("Kafka did not become ready within " + timeout + ": " + tail(directory.resolve("broker.log")));
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
