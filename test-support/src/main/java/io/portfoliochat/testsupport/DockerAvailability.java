package io.portfoliochat.testsupport;

import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers; asked once per JVM, and only when no real service was found first. */
final class DockerAvailability {

    private static Boolean available;

    private DockerAvailability() {
    }

    static synchronized boolean available() {
        if (available == null) {
            boolean found;
            try {
                found = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                found = false;
            }
            available = found;
        }
        return available;
    }
}
