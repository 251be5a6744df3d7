package io.portfoliochat.support.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** The id that ties together the log lines and events caused by one request. */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private CorrelationId() {
    }

    /** The caller's id when it is safe to log, else a fresh one (never trust arbitrary header text in logs). */
    public static String acceptOrCreate(String candidate) {
        return candidate != null && SAFE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }
}
