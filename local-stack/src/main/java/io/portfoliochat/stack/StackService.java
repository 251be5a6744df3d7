package io.portfoliochat.stack;

/** The five services, their module (jar) names and local ports, in start-up order. */
public enum StackService {
    CHAT("chat-service", 8081),
    ADMIN("admin-service", 8082),
    AI_RESPONDER("ai-responder-service", 8083),
    REALTIME("realtime-fanout-service", 8084),
    GATEWAY("gateway-service", 8080);

    private final String module;
    private final int defaultPort;

    StackService(String module, int defaultPort) {
        this.module = module;
        this.defaultPort = defaultPort;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
