package io.portfoliochat.stack;

/**
 * The five services, their module (jar) names, local ports and maximum heap, in start-up order. The
 * realtime server and the gateway hold a connection per visitor: at 1,000 sockets a 256 MB heap kept
 * the realtime server in full collections of 0.6-0.8 s (docs/benchmarks.md).
 */
public enum StackService {
    CHAT("chat-service", 8081, "256m"),
    ADMIN("admin-service", 8082, "256m"),
    AI_RESPONDER("ai-responder-service", 8083, "256m"),
    REALTIME("realtime-fanout-service", 8084, "512m"),
    GATEWAY("gateway-service", 8080, "384m");

    private final String module;
    private final int defaultPort;
    private final String maxHeap;

    StackService(String module, int defaultPort, String maxHeap) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.maxHeap = maxHeap;
    }

    /** The {@code -Xmx} value the stack starts this service with (options given to the stack come after it and win). */
    public String maxHeap() {
        return maxHeap;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
