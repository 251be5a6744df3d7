package io.portfoliochat.realtime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node fixture of {@code src/test/node}: copied to {@code target/node-clients}, dependencies
 * installed with {@code npm ci} once (again only when the lock file changes). Node and npm must be on the
 * PATH; without them the test fails and says so (CI installs them).
 */
public final class NodeScripts {

    private static final Path FIXTURE = Path.of("src", "test", "node");
    private static final Path WORK = Path.of("target", "node-clients");

    private NodeScripts() {
    }

    /** Output of a finished script. */
    public record Run(int exitCode, String stdout, String stderr) {
    }

    public static synchronized Path prepared() {
        try {
            Files.createDirectories(WORK);
            try (var files = Files.list(FIXTURE)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, WORK.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path installedLock = WORK.resolve("node_modules").resolve(".installed-package-lock.json");
            byte[] lock = Files.readAllBytes(FIXTURE.resolve("package-lock.json"));
            if (!Files.exists(installedLock) || !java.util.Arrays.equals(lock, Files.readAllBytes(installedLock))) {
                Run install = run(List.of(npm(), "ci", "--no-audit", "--no-fund"), Map.of(), 600);
                if (install.exitCode() != 0) {
                    throw new IllegalStateException("npm ci failed (" + install.exitCode() + "):\n" + install.stdout() + install.stderr());
                }
                Files.write(installedLock, lock);
            }
            return WORK;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Run node(String script, Map<String, String> environment, long timeoutSeconds) {
        prepared();
        return run(List.of("node", script), environment, timeoutSeconds);
    }

    private static Run run(List<String> command, Map<String, String> environment, long timeoutSeconds) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(WORK.toFile());
        builder.environment().putAll(environment);
        Path stdout = WORK.resolve("last-stdout.txt");
        Path stderr = WORK.resolve("last-stderr.txt");
        builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + command.get(0) + ": Node.js (18+) and npm must be installed "
                    + "and on the PATH for the pusher-js tests", e);
        }
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String npm() {
        return System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("win") ? "npm.cmd" : "npm";
    }
}
