package io.portfoliochat.loadgen;

import io.portfoliochat.loadgen.traffic.TrafficRun;
import io.portfoliochat.stack.StackService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What to run. The full benchmark: 1,000 visitors, a scenario at 100 messages/s and one at 1,000 messages/s,
 * each 60 s after a 30 s warm-up. {@code --quick}: 50 visitors, 20 messages/s for 15 s, a smoke check.
 *
 * @param rates          messages per second of each scenario, run one after the other on the same stack
 * @param adminShare     fraction of the messages sent by the admin (to visitors); the rest are visitor messages
 * @param floorDuration  how long each floor (Kafka, WebSocket) is measured on the idle stack
 * @param extraEnvironment    added to a service's environment (experiments: {@code --env chat-service:NAME=VALUE})
 * @param extraServiceJvmOptions appended to every service's JVM options (e.g. a flight recording)
 */
public record BenchmarkOptions(boolean quick, int visitors, List<Double> rates, Duration warmup, Duration duration,
                               double adminShare, Duration floorDuration, int portBase, Path repository, Path output,
                               String label, Map<StackService, Map<String, String>> extraEnvironment,
                               List<String> extraServiceJvmOptions) {

    static final String USAGE = """
            Usage: ./bench.sh [--quick] [options]
              --quick                 a smoke check: 50 visitors, 20 msg/s for 15 s (whole run about a minute plus start-up)
              --visitors=N            connected visitors (default 1000)
              --rates=R1,R2           messages per second of each scenario (default 100,1000)
              --duration=S            measured seconds per scenario (default 60)
              --warmup=S              seconds sent before measuring, per scenario (default 30: the JIT compilers of six JVMs take a good part of two cores for the first minute)
              --admin-share=F         fraction of messages sent by the admin (default 0.1)
              --floor-seconds=S       seconds of each floor measurement on the idle stack (default 10)
              --port-base=P           gateway port; services P+1..P+4, Kafka P+10, MariaDB P+11 (default 36080;
                                      the next hundred if a port is taken meanwhile)
              --label=TEXT            a name for this run in the report
              --env=SERVICE:NAME=VAL  extra environment for one service (e.g. ai-responder-service:PORTFOLIOCHAT_AI_BURSTWINDOW=0ms)
              --jvm-option=OPT        appended to every service's JVM options (e.g. -XX:StartFlightRecording=...)
              --out=DIR               where results go (default load-generator/target/bench)
            """;

    static BenchmarkOptions parse(String[] args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        int visitors = quick ? 50 : 1000;
        List<Double> rates = quick ? List.of(20.0) : List.of(100.0, 1000.0);
        Duration warmup = Duration.ofSeconds(quick ? 5 : 30);
        Duration duration = Duration.ofSeconds(quick ? 15 : 60);
        Duration floor = Duration.ofSeconds(quick ? 3 : 10);
        double adminShare = 0.1;
        int portBase = 36080;
        Path repository = Path.of("").toAbsolutePath();
        Path output = null;
        String label = quick ? "quick" : "full";
        Map<StackService, Map<String, String>> environment = new EnumMap<>(StackService.class);
        List<String> jvmOptions = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--quick")) {
                continue;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Unknown argument " + arg + "\n" + USAGE);
            }
            String name = arg.substring(2, equals);
            String value = arg.substring(equals + 1);
            switch (name) {
                case "visitors" -> visitors = Integer.parseInt(value);
                case "rates" -> rates = Arrays.stream(value.split(",")).map(String::trim).map(Double::parseDouble).toList();
                case "duration" -> duration = Duration.ofSeconds(Long.parseLong(value));
                case "warmup" -> warmup = Duration.ofSeconds(Long.parseLong(value));
                case "admin-share" -> adminShare = Double.parseDouble(value);
                case "floor-seconds" -> floor = Duration.ofSeconds(Long.parseLong(value));
                case "port-base" -> portBase = Integer.parseInt(value);
                case "label" -> label = value;
                case "out" -> output = Path.of(value).toAbsolutePath();
                case "env" -> addEnvironment(environment, value);
                case "jvm-option" -> jvmOptions.add(value);
                default -> throw new IllegalArgumentException("Unknown option --" + name + "\n" + USAGE);
            }
        }
        if (visitors < 1 || rates.stream().anyMatch(rate -> rate <= 0) || adminShare < 0 || adminShare >= 1) {
            throw new IllegalArgumentException("visitors must be positive, rates positive, admin-share in [0, 1)\n" + USAGE);
        }
        return new BenchmarkOptions(quick, visitors, rates, warmup, duration, adminShare, floor, portBase, repository,
                output == null ? repository.resolve("load-generator/target/bench") : output, label, environment, jvmOptions);
    }

    private static void addEnvironment(Map<StackService, Map<String, String>> environment, String value) {
        int colon = value.indexOf(':');
        int equals = value.indexOf('=');
        if (colon < 0 || equals < colon) {
            throw new IllegalArgumentException("--env needs SERVICE:NAME=VALUE, got " + value);
        }
        String module = value.substring(0, colon);
        StackService service = Arrays.stream(StackService.values()).filter(s -> s.module().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + module + " (one of "
                        + Arrays.stream(StackService.values()).map(StackService::module).toList() + ")"));
        environment.computeIfAbsent(service, s -> new HashMap<>()).put(value.substring(colon + 1, equals), value.substring(equals + 1));
    }

    List<TrafficRun.Scenario> scenarios() {
        return rates.stream()
                .map(rate -> new TrafficRun.Scenario(String.format("%d visitors, %s msg/s", visitors, format(rate)), rate,
                        warmup, duration, adminShare))
                .toList();
    }

    private static String format(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}
