package io.portfoliochat.events;

/** Kafka record header names. The event id and type are duplicated into headers so tools can route without parsing. */
public final class EventHeaders {

    public static final String EVENT_ID = "event-id";
    public static final String EVENT_TYPE = "event-type";
    public static final String CORRELATION_ID = "correlation-id";

    private EventHeaders() {
    }
}
