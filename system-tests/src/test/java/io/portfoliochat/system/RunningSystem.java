package io.portfoliochat.system;

import io.portfoliochat.stack.DataDirectories;
import io.portfoliochat.stack.LocalStack;
import io.portfoliochat.stack.StackConfig;
import io.portfoliochat.stack.StackService;
import io.portfoliochat.testsupport.PusherTestClient;
import io.portfoliochat.testsupport.TestHttp;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The real system, started from the built jars exactly as {@code ./run.sh} starts it (Kafka broker
 * process, embedded MariaDB, five service JVMs), on ports of its own, with what a test needs to use
 * it like a person: the gateway, admin login, and Pusher connections through the gateway.
 */
public final class RunningSystem implements AutoCloseable {

    public static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final int SHARED_BASE_PORT = 28080;
    private static RunningSystem shared;

    private final LocalStack stack;
    private final TestHttp gateway;
    private final String pusherKey;

    private RunningSystem(LocalStack stack) {
        this.stack = stack;
        this.gateway = new TestHttp(stack.gatewayUrl());
        JsonNode config = gateway.get("/api/chat/config").data();
        this.pusherKey = config.get("pusherKey").asString();
    }

    /**
     * The system every non-destructive system test uses, started once per test run and stopped when the
     * run ends. Tests that stop or kill parts of the system start their own with {@link #start}.
     */
    public static synchronized RunningSystem shared() {
        if (shared == null) {
            shared = start(SHARED_BASE_PORT, "shared-stack");
        }
        return shared;
    }

    /** Called when the test run ends (see {@link SharedSystemLifecycle}). */
    static synchronized void closeShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    /** A fresh system (empty data) on {@code basePort} (gateway) and the ports after it. */
    public static RunningSystem start(int basePort, String name) {
        Path data = REPOSITORY.resolve("system-tests/target/" + name);
        DataDirectories.deleteRecursively(data);
        StackConfig config = StackConfig.defaults(REPOSITORY).onPorts(basePort).withDataDirectory(data);
        return new RunningSystem(LocalStack.start(config));
    }

    public LocalStack stack() {
        return stack;
    }

    public TestHttp gateway() {
        return gateway;
    }

    public int gatewayPort() {
        return stack.config().port(StackService.GATEWAY);
    }

    public String adminToken() {
        TestHttp.Response login = gateway.postJson("/api/admin/login",
                Map.of("email", stack.secrets().adminEmail(), "password", stack.secrets().adminPassword()));
        if (login.status() != 200) {
            throw new AssertionError("admin login failed: " + login);
        }
        return login.data().get("token").asString();
    }

    /** The official Pusher Java client connected through the gateway, authorizing with these headers. */
    public PusherTestClient pusher(Map<String, String> authHeaders) {
        return PusherTestClient.connect(gatewayPort(), pusherKey, authHeaders);
    }

    /** A counter of a service's Prometheus endpoint, summed over the series whose labels contain {@code labelFilter}. */
    public double metric(StackService service, String name, String labelFilter) {
        String body = new TestHttp(stack.service(service).baseUrl()).get("/actuator/prometheus").body();
        return body.lines()
                .filter(line -> line.startsWith(name + "{") && line.contains(labelFilter))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Override
    public synchronized void close() {
        stack.close();
    }
}
