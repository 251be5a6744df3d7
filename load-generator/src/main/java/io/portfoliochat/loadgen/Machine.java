package io.portfoliochat.loadgen;

import io.portfoliochat.loadgen.report.BenchmarkReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The machine the run is on, and how busy it was when the run started. */
record Machine(int cpus, String cpuModel, long memoryMb, String java, String os, String loadAverage, double load1) {

    static Machine describe() {
        String cpuModel = lines("/proc/cpuinfo").stream().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        long memoryKb = lines("/proc/meminfo").stream().filter(line -> line.startsWith("MemTotal:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElse(0L);
        String loadAverage = lines("/proc/loadavg").stream().findFirst().map(line -> String.join(" ", List.of(line.split(" ")).subList(0, 3)))
                .orElse("unknown");
        double load1 = loadAverage.equals("unknown") ? 0 : Double.parseDouble(loadAverage.split(" ")[0]);
        return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel, memoryKb / 1024,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), loadAverage, load1);
    }

    String summary() {
        return String.format(Locale.ROOT, "%d CPUs, %d MiB, %s; load average %s", cpus, memoryMb, java, loadAverage);
    }

    /** Shared (noisy) when other work kept more than a quarter of the CPUs busy just before the run. */
    String conditions() {
        return load1 > cpus * 0.25
                ? "Conditions: shared and noisy: other work kept the machine busy (1-minute load " + load1
                  + " on " + cpus + " CPUs before the start); treat absolute numbers as pessimistic."
                : "Conditions: quiet (1-minute load " + load1 + " before the start).";
    }

    BenchmarkReport.Machine report() {
        return new BenchmarkReport.Machine(cpus, cpuModel, memoryMb, java, os, loadAverage, conditions());
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
