package io.portfoliochat.loadgen.usage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * CPU and memory of the stack's processes over a window, from {@code /proc}: CPU time is utime + stime of
 * {@code /proc/<pid>/stat} at the start and the end; memory is {@code VmRSS} of {@code /proc/<pid>/status},
 * sampled every second (average and peak).
 */
public final class ProcessUsage implements AutoCloseable {

    private static final long CLOCK_TICKS_PER_SECOND = clockTicks();

    private final Map<String, Long> pids;
    private final Map<String, Long> cpuTicksAtStart = new LinkedHashMap<>();
    private final Map<String, long[]> rssSamples = new LinkedHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "process-usage");
        thread.setDaemon(true);
        return thread;
    });
    private final long startedNanos;

    private ProcessUsage(Map<String, Long> pids) {
        this.pids = pids;
        pids.forEach((name, pid) -> {
            cpuTicksAtStart.put(name, cpuTicks(pid));
            rssSamples.put(name, new long[] {0, 0, 0});
        });
        startedNanos = System.nanoTime();
        sampler.scheduleAtFixedRate(this::sampleMemory, 0, 1, TimeUnit.SECONDS);
    }

    /** Starts watching these processes (name → pid). */
    public static ProcessUsage watch(Map<String, Long> pids) {
        return new ProcessUsage(pids);
    }

    /** Stops and reports, per process, in the order given. */
    public Map<String, Usage> finish() {
        sampler.shutdownNow();
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        Map<String, Usage> usage = new LinkedHashMap<>();
        synchronized (rssSamples) {
            pids.forEach((name, pid) -> {
                long ticks = cpuTicks(pid) - cpuTicksAtStart.get(name);
                long[] rss = rssSamples.get(name);
                usage.put(name, new Usage(pid, 100.0 * ticks / CLOCK_TICKS_PER_SECOND / seconds,
                        rss[1] == 0 ? 0 : rss[0] / (double) rss[1] / 1024, rss[2] / 1024.0));
            });
        }
        return usage;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }

    private void sampleMemory() {
        synchronized (rssSamples) {
            pids.forEach((name, pid) -> {
                long kb = rssKb(pid);
                long[] samples = rssSamples.get(name);
                samples[0] += kb;
                samples[1]++;
                samples[2] = Math.max(samples[2], kb);
            });
        }
    }

    /** Resident memory of a process now, in MiB. */
    public static double rssMb(long pid) {
        return rssKb(pid) / 1024.0;
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended
        }
        return 0;
    }

    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name (which may contain spaces) start at state, field 3; utime is 14, stime 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** The pid of the process whose command line contains every one of these parts (e.g. the embedded MariaDB). */
    public static Optional<Long> findProcess(String... parts) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(path -> path.getFileName().toString().matches("\\d+"))
                    .filter(path -> {
                        try {
                            String commandLine = new String(Files.readAllBytes(path.resolve("cmdline")), StandardCharsets.UTF_8)
                                    .replace('\0', ' ');
                            return Stream.of(parts).allMatch(commandLine::contains);
                        } catch (IOException | RuntimeException gone) {
                            return false;
                        }
                    })
                    .map(path -> Long.parseLong(path.getFileName().toString()))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            getconf.waitFor(5, TimeUnit.SECONDS);
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    /**
     * @param cpuPercent average CPU over the window, in % of one core (200 % = both cores of a 2-core machine)
     * @param rssAvgMb   average resident memory, MiB
     * @param rssPeakMb  peak resident memory, MiB
     */
    public record Usage(long pid, double cpuPercent, double rssAvgMb, double rssPeakMb) {
    }
}
