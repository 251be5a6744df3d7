package io.portfoliochat.system.reliability;

import java.time.Duration;

/**
 * How hard the fault test pushes. {@code short} (the default, in the README's test command and CI)
 * runs each fault once under a light steady load; {@code full} ({@code -Dfaults=full}) runs more
 * visitors, longer outages and every fault twice.
 */
record FaultProfile(String name, int visitors, Duration pauseBetweenMessages, Duration steadyBetweenFaults,
                    Duration outage, int rounds) {

    static FaultProfile current() {
        return "full".equalsIgnoreCase(System.getProperty("faults", "short"))
                ? new FaultProfile("full", 50, Duration.ofMillis(6500), Duration.ofSeconds(20), Duration.ofSeconds(15), 2)
                : new FaultProfile("short", 20, Duration.ofMillis(6500), Duration.ofSeconds(6), Duration.ofSeconds(4), 1);
    }
}
