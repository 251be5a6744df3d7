package io.portfoliochat.realtime.mode;

/** A random id of this running instance. */
public record InstanceId(String value) {
}
