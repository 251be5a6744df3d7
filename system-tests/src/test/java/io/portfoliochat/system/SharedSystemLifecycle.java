package io.portfoliochat.system;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the shared running system when the test run ends, inside the run: a JVM shutdown hook would race
 * the build tool, which kills a forked test JVM that takes too long to exit (and the stack's processes,
 * in their own sessions, would outlive it).
 */
public class SharedSystemLifecycle implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        RunningSystem.closeShared();
    }
}
