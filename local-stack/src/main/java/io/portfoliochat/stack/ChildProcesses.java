package io.portfoliochat.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** How this launcher starts its children. */
final class ChildProcesses {

    private ChildProcesses() {
    }

    /**
     * A prefix that starts the child in its own session, so Ctrl-C in the terminal reaches only the
     * launcher, which then stops the children in order (gateway first, Kafka and the database last).
     */
    static List<String> detachedFromTerminal() {
        return Files.isExecutable(Path.of("/usr/bin/setsid")) ? List.of("/usr/bin/setsid") : List.of();
    }
}
