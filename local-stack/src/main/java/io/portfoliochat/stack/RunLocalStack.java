package io.portfoliochat.stack;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./run.sh}: starts the local stack, prints where to go and how to log in, and stops
 * everything cleanly on Ctrl-C. Environment: GATEWAY_PORT (8080), SERVICE_PORT_BASE (services on
 * base+1..base+4, default 8080), KAFKA_PORT (9092), DATABASE_PORT (3307, embedded MariaDB),
 * DATABASE_URL/DATABASE_USERNAME/DATABASE_PASSWORD (use that server instead), DATA_DIR (.data),
 * OPENAI_API_KEY/OPENAI_BASE_URL (use OpenAI instead of the offline assistant).
 */
public final class RunLocalStack {

    private RunLocalStack() {
    }

    public static void main(String[] args) {
        // The launcher's quiet logging; a plain logback.xml in this jar would take over the logging of every
        // test classpath that includes local-stack.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "local-stack-logback.xml");
        }
        Map<String, String> env = System.getenv();
        StackConfig config;
        try {
            config = configFrom(env, Path.of("").toAbsolutePath());
        } catch (NumberFormatException e) {
            System.err.println("error: a port setting is not a number: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("Starting Kafka, the database and five services (first start takes longer)...");
        LocalStack stack;
        try {
            stack = LocalStack.start(config);
        } catch (StackException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            System.err.println("error: the stack did not start: " + e.getMessage());
            System.err.println("Logs are in " + config.dataDirectory().resolve("logs"));
            System.exit(1);
            return;
        }
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            System.out.println("\nStopping...");
            stack.close();
            System.out.println("Stopped. Data is kept in " + config.dataDirectory() + ".");
        }, "stop-local-stack"));
        printWelcome(stack);
        watch(stack, stopping);
    }

    static StackConfig configFrom(Map<String, String> env, Path repositoryRoot) {
        StackConfig config = StackConfig.defaults(repositoryRoot);
        if (env.containsKey("SERVICE_PORT_BASE")) {
            int base = Integer.parseInt(env.get("SERVICE_PORT_BASE").trim());
            config = config.onPorts(base).withKafkaPort(config.kafkaPort()).withEmbeddedDatabasePort(config.embeddedDatabasePort());
        }
        if (env.containsKey("GATEWAY_PORT")) {
            config = config.withGatewayPort(Integer.parseInt(env.get("GATEWAY_PORT").trim()));
        }
        if (env.containsKey("KAFKA_PORT")) {
            config = config.withKafkaPort(Integer.parseInt(env.get("KAFKA_PORT").trim()));
        }
        if (env.containsKey("DATABASE_PORT")) {
            config = config.withEmbeddedDatabasePort(Integer.parseInt(env.get("DATABASE_PORT").trim()));
        }
        if (env.get("DATA_DIR") != null && !env.get("DATA_DIR").isBlank()) {
            config = config.withDataDirectory(Path.of(env.get("DATA_DIR")).toAbsolutePath());
        }
        if (env.get("DATABASE_URL") != null && !env.get("DATABASE_URL").isBlank()) {
            config = config.withDatabaseServer(env.get("DATABASE_URL"), env.getOrDefault("DATABASE_USERNAME", "root"),
                    env.getOrDefault("DATABASE_PASSWORD", ""));
        }
        Map<StackService, Map<String, String>> extra = new EnumMap<>(StackService.class);
        Map<String, String> assistant = new HashMap<>();
        for (String name : new String[] {"OPENAI_API_KEY", "OPENAI_BASE_URL"}) {
            if (env.get(name) != null && !env.get(name).isBlank()) {
                assistant.put(name, env.get(name));
            }
        }
        extra.put(StackService.AI_RESPONDER, assistant);
        return config.withExtraEnvironment(extra);
    }

    private static void printWelcome(LocalStack stack) {
        String gateway = stack.gatewayUrl();
        System.out.printf("""

                Portfolio chat is running (ready in %d s).

                  Visitor chat     %s/chat
                  Admin dashboard  %s/admin/chat
                  Admin login      %s / %s
                  API              %s/api/...   (OpenAPI of each service: /v3/api-docs on its own port)
                  Logs             %s

                Press Ctrl-C to stop. Data is kept in %s between runs.
                """, stack.startupTime().toSeconds(), gateway, gateway, stack.secrets().adminEmail(),
                stack.secrets().adminPassword(), gateway, stack.config().dataDirectory().resolve("logs"),
                stack.config().dataDirectory());
    }

    /** Tells the person at the terminal when a service dies, instead of failing silently. */
    private static void watch(LocalStack stack, AtomicBoolean stopping) {
        Map<StackService, Boolean> reported = new EnumMap<>(StackService.class);
        while (!stopping.get()) {
            for (StackService service : StackService.values()) {
                ServiceProcess process = stack.service(service);
                if (!stopping.get() && !process.running() && !reported.getOrDefault(service, false)) {
                    reported.put(service, true);
                    System.err.println("warning: " + service.module() + " stopped unexpectedly; see " + process.log());
                }
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
