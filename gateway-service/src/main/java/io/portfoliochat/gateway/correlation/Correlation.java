package io.portfoliochat.gateway.correlation;

import io.portfoliochat.support.web.CorrelationId;
import org.slf4j.MDC;
import org.springframework.web.server.ServerWebExchange;

/**
 * The correlation id of a request as the gateway settled it (the caller's safe one, or a fresh one).
 * Reactive code hops threads, so the gateway's own log lines put it into the MDC explicitly.
 */
public final class Correlation {

    static final String ATTRIBUTE = Correlation.class.getName() + ".id";

    private Correlation() {
    }

    /** The request's correlation id; settled by the first web filter, so always present. */
    public static String idOf(ServerWebExchange exchange) {
        String id = exchange.getAttribute(ATTRIBUTE);
        if (id == null) {
            id = CorrelationId.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(CorrelationId.HEADER));
            exchange.getAttributes().put(ATTRIBUTE, id);
        }
        return id;
    }

    /** Runs a logging statement with the request's correlation id in the MDC. */
    public static void log(ServerWebExchange exchange, Runnable logStatement) {
        String previous = MDC.get(CorrelationId.MDC_KEY);
        MDC.put(CorrelationId.MDC_KEY, idOf(exchange));
        try {
            logStatement.run();
        } finally {
            if (previous == null) {
                MDC.remove(CorrelationId.MDC_KEY);
            } else {
                MDC.put(CorrelationId.MDC_KEY, previous);
            }
        }
    }
}
