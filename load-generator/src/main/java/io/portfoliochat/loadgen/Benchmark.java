package io.portfoliochat.loadgen;

import io.portfoliochat.loadgen.floor.KafkaFloor;
import io.portfoliochat.loadgen.floor.WebSocketFloor;
import io.portfoliochat.loadgen.report.BenchmarkReport;
import io.portfoliochat.loadgen.report.Latencies;
import io.portfoliochat.loadgen.report.LatencyPlot;
import io.portfoliochat.loadgen.report.MarkdownReport;
import io.portfoliochat.loadgen.traffic.Audience;
import io.portfoliochat.loadgen.traffic.Deliveries;
import io.portfoliochat.loadgen.traffic.Flows;
import io.portfoliochat.loadgen.traffic.GatewayClient;
import io.portfoliochat.loadgen.traffic.Problems;
import io.portfoliochat.loadgen.traffic.StoredAnswers;
import io.portfoliochat.loadgen.traffic.TrafficRun;
import io.portfoliochat.loadgen.usage.ConsumerLag;
import io.portfoliochat.loadgen.usage.ProcessUsage;
import io.portfoliochat.stack.DataDirectories;
import io.portfoliochat.stack.LocalStack;
import io.portfoliochat.stack.StackConfig;
import io.portfoliochat.stack.StackService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark: starts the real stack exactly as {@code ./run.sh} does (on ports of its own, with empty data),
 * connects the admin and N visitors through the gateway with Pusher-protocol clients, measures the floor, runs
 * each scenario, reads back what was stored, and writes {@code results.json}, {@code results.md} and latency
 * plots. Everything it started is stopped at the end.
 */
public final class Benchmark {

    private static final double FLOOR_PROBE_RATE_UNDER_LOAD = 20;
    private static final double FLOOR_PROBE_RATE_IDLE = 200;
    private static final String CONVERSATION_TOPIC = "chat.conversation-events";
    private static final List<String> CONSUMER_GROUPS = List.of("chat-service", "admin-service", "ai-responder");
    /** Held so the level sticks: java.util.logging keeps loggers only weakly. */
    private static final java.util.logging.Logger TOMCAT_LOGGER = java.util.logging.Logger.getLogger("org.apache");

    private final BenchmarkOptions options;
    private final Path runDirectory;

    private Benchmark(BenchmarkOptions options) {
        this.options = options;
        this.runDirectory = options.output().resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + options.label().replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "load-generator-logback.xml");
        }
        System.setProperty("java.awt.headless", "true");
        TOMCAT_LOGGER.setLevel(java.util.logging.Level.WARNING);
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        new Benchmark(options).run(String.join(" ", args));
        // The HTTP clients' selector threads are not daemons.
        System.exit(0);
    }

    private void run(String arguments) {
        Machine machine = Machine.describe();
        say("Run " + runDirectory.getFileName() + " on " + machine.summary());
        ExecutorService clientThreads = Executors.newFixedThreadPool(4, daemon("clients"));
        try (LocalStack stack = startStack()) {
            double startSeconds = stack.startupTime().toMillis() / 1000.0;
            say(String.format("Stack ready in %.1f s", startSeconds));
            int portBase = stack.config().port(StackService.GATEWAY);
            Map<String, Long> processes = processes(stack, portBase);
            Map<String, Double> idleMemory = new LinkedHashMap<>();
            processes.forEach((name, pid) -> idleMemory.put(name, ProcessUsage.rssMb(pid)));
            HttpClient apiHttp = HttpClient.newBuilder().executor(clientThreads).connectTimeout(Duration.ofSeconds(10)).build();
            HttpClient socketHttp = HttpClient.newBuilder().executor(clientThreads).connectTimeout(Duration.ofSeconds(10)).build();
            GatewayClient api = new GatewayClient(apiHttp, URI.create(stack.gatewayUrl()));
            Deliveries deliveries = new Deliveries();
            Problems problems = new Problems();
            String runId = "lg" + Long.toString(System.currentTimeMillis() % 100_000_000, 36);
            try (Audience audience = new Audience(api, socketHttp, api.pusherKey(), deliveries, problems, runId);
                 WebSocketFloor echo = WebSocketFloor.start(runDirectory.resolve("echo"))) {
                long setupStart = System.nanoTime();
                audience.connectAdmin(stack.secrets().adminEmail(), stack.secrets().adminPassword());
                audience.connectVisitors(options.visitors());
                double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
                say(String.format("%d visitors and the admin connected in %.1f s", options.visitors(), setupSeconds));
                awaitQuiet(deliveries, Duration.ofSeconds(30));

                String kafka = stack.kafka().bootstrapServers();
                say("Measuring the floor on the idle stack ...");
                AtomicBoolean never = new AtomicBoolean();
                Latencies idleKafka = KafkaFloor.measure(kafka, FLOOR_PROBE_RATE_IDLE, options.floorDuration(), never);
                Latencies idleWebSocket = echo.measure(socketHttp, FLOOR_PROBE_RATE_IDLE, options.floorDuration(), never);
                BenchmarkReport.Floor idleFloor = new BenchmarkReport.Floor(idleKafka.summary(), idleWebSocket.summary());
                say(String.format("Floor p99: Kafka %.2f ms, WebSocket round trip %.2f ms", idleFloor.kafka().p99(),
                        idleFloor.webSocket().p99()));

                List<ScenarioRun> runs = new ArrayList<>();
                for (TrafficRun.Scenario scenario : options.scenarios()) {
                    runs.add(runScenario(scenario, audience, api, deliveries, problems, runId, processes, kafka, echo, socketHttp));
                }
                say("Reading back what was stored ...");
                StoredAnswers stored = StoredAnswers.read(api, audience.admin(), audience.visitors());

                List<BenchmarkReport.ScenarioReport> scenarios = new ArrayList<>();
                Files.createDirectories(runDirectory);
                for (int i = 0; i < runs.size(); i++) {
                    scenarios.add(runs.get(i).report(deliveries, stored, idleFloor, runDirectory.resolve("latency-cdf-" + (i + 1) + ".png"),
                            idleKafka, idleWebSocket));
                }
                BenchmarkReport report = new BenchmarkReport(options.label(), "./bench.sh " + arguments,
                        LocalDateTime.now().toString(), machine.report(), startSeconds, idleMemory, options.visitors(),
                        setupSeconds, idleFloor, scenarios,
                        new BenchmarkReport.Stored(stored.aiMessages(), stored.handOffs(), stored.duplicateClientMessageIds(),
                                stored.answeredTwice()),
                        problems.count(), problems.byKind(), problems.samples());
                write(report);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            clientThreads.shutdownNow();
        }
        say("Stack stopped. Results in " + runDirectory);
    }

    /**
     * Starts the stack on empty data. Our ports lie in the kernel's ephemeral range, so another program's outgoing
     * connection can take one between the stack's check and a service's bind: then it tries the next hundred.
     */
    private LocalStack startStack() {
        Path data = options.repository().resolve("load-generator/target/bench-stack");
        Path jars = stageServiceJars();
        for (int attempt = 0; ; attempt++) {
            int base = options.portBase() + 100 * attempt;
            DataDirectories.deleteRecursively(data);
            StackConfig config = StackConfig.defaults(jars).onPorts(base).withDataDirectory(data)
                    .withExtraEnvironment(environment());
            if (!options.extraServiceJvmOptions().isEmpty()) {
                List<String> jvm = new ArrayList<>(StackConfig.DEFAULT_JVM_OPTIONS);
                jvm.addAll(options.extraServiceJvmOptions());
                config = config.withServiceJvmOptions(jvm);
            }
            say("Starting the stack (Kafka, MariaDB, five services) on ports " + base + "+ ...");
            try {
                return LocalStack.start(config);
            } catch (RuntimeException e) {
                if (attempt == 2 || !(String.valueOf(e.getMessage()).contains("in use") || portTaken(config))) {
                    throw e;
                }
                Path failed = data.resolveSibling("bench-stack-failed-" + attempt);
                DataDirectories.deleteRecursively(failed);
                try {
                    Files.move(data, failed);
                } catch (IOException notMoved) {
                    // the logs are lost; the message says what failed
                }
                say("A port was taken meanwhile (" + e.getMessage() + "; logs in " + failed + "); trying other ports");
            }
        }
    }

    /**
     * Copies the service jars where no build writes (the repository is shared: a rebuild replacing a jar under a
     * running service breaks it), laid out as the stack expects them: {@code <module>/target/<module>.jar}.
     */
    private Path stageServiceJars() {
        Path staged = options.repository().resolve("load-generator/target/bench-jars");
        for (StackService service : StackService.values()) {
            Path source = StackConfig.defaults(options.repository()).jar(service);
            Path target = StackConfig.defaults(staged).jar(service);
            for (int attempt = 1; ; attempt++) {
                try {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    try (ZipFile readable = new ZipFile(target.toFile())) {
                        readable.size();
                    }
                    break;
                } catch (IOException e) {
                    if (attempt == 5) {
                        throw new UncheckedIOException("Cannot copy a complete " + source + " (build it first: mvn -DskipTests package)", e);
                    }
                    sleep(3000);
                }
            }
        }
        return staged;
    }

    private static boolean portTaken(StackConfig config) {
        try (Stream<String> logs = Files.list(config.dataDirectory().resolve("logs"))
                .flatMap(log -> {
                    try {
                        return Files.readAllLines(log).stream();
                    } catch (IOException e) {
                        return Stream.empty();
                    }
                })) {
            return logs.anyMatch(line -> line.contains("was already in use") || line.contains("Address already in use"));
        } catch (IOException e) {
            return false;
        }
    }

    private ScenarioRun runScenario(TrafficRun.Scenario scenario, Audience audience, GatewayClient api, Deliveries deliveries,
                                    Problems problems, String runId, Map<String, Long> processes, String kafka,
                                    WebSocketFloor echo, HttpClient socketHttp) {
        say(String.format("Scenario \"%s\": %.0f s warm-up, %.0f s measured ...", scenario.name(),
                scenario.warmup().toMillis() / 1000.0, scenario.duration().toMillis() / 1000.0));
        ScenarioRun run = new ScenarioRun(scenario);
        AtomicBoolean stopProbes = new AtomicBoolean();
        TrafficRun.Result result = TrafficRun.run(scenario, audience, api, problems, runId, () -> {
            run.framesAtStart = deliveries.frames();
            run.usage = ProcessUsage.watch(processes);
            run.lag = ConsumerLag.watch(kafka, CONVERSATION_TOPIC, CONSUMER_GROUPS);
            run.kafkaProbe = CompletableFuture.supplyAsync(
                    () -> KafkaFloor.measure(kafka, FLOOR_PROBE_RATE_UNDER_LOAD, scenario.duration(), stopProbes));
            run.webSocketProbe = CompletableFuture.supplyAsync(
                    () -> echo.measure(socketHttp, FLOOR_PROBE_RATE_UNDER_LOAD, scenario.duration(), stopProbes));
        });
        run.usageResult = run.usage.finish();
        run.lagResult = run.lag.finish();
        run.lag.close();
        run.framesAtEnd = deliveries.frames();
        run.result = result;
        stopProbes.set(true);
        run.floorUnderLoad = new BenchmarkReport.Floor(run.kafkaProbe.join().summary(), run.webSocketProbe.join().summary());
        say(String.format("  sent at %.1f msg/s; waiting for the last deliveries ...", result.achievedRate()));
        awaitQuiet(deliveries, Duration.ofSeconds(60));
        return run;
    }

    /** Waits until no channel event arrived for 3 s (the pipeline drained), at most {@code max}. */
    private static void awaitQuiet(Deliveries deliveries, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            long last = deliveries.lastFrameAt();
            if (WallClock.micros() - last > 3_000_000) {
                return;
            }
            sleep(500);
        }
    }

    private Map<StackService, Map<String, String>> environment() {
        Map<StackService, Map<String, String>> environment = new EnumMap<>(StackService.class);
        // The load comes from one address and a few sessions far faster than people type: the gateway's
        // rate limits are raised for this stack only (production configuration keeps them).
        Map<String, String> gateway = new HashMap<>();
        for (String quota : List.of("MESSAGESPERSESSION", "MESSAGESPERADMIN", "SESSIONSPERCLIENTIP", "LOGINSPERCLIENTIP")) {
            gateway.put("PORTFOLIOCHAT_GATEWAY_RATELIMIT_" + quota + "_0_LIMIT", "10000000");
            gateway.put("PORTFOLIOCHAT_GATEWAY_RATELIMIT_" + quota + "_0_WINDOW", "1m");
        }
        environment.put(StackService.GATEWAY, gateway);
        options.extraEnvironment().forEach((service, extra) ->
                environment.computeIfAbsent(service, s -> new HashMap<>()).putAll(extra));
        return environment;
    }

    private Map<String, Long> processes(LocalStack stack, int portBase) {
        Map<String, Long> processes = new LinkedHashMap<>();
        for (StackService service : StackService.values()) {
            processes.put(service.module(), stack.service(service).pid());
        }
        processes.put("kafka", stack.kafka().pid());
        ProcessUsage.findProcess("--port=" + (portBase + 11), "--datadir")
                .ifPresent(pid -> processes.put("mariadb", pid));
        processes.put(ScenarioRun.LOAD_GENERATOR, ProcessHandle.current().pid());
        return processes;
    }

    private void write(BenchmarkReport report) throws IOException {
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(runDirectory.resolve("results.json"), json.writeValueAsString(report));
        String markdown = MarkdownReport.render(report);
        Files.writeString(runDirectory.resolve("results.md"), markdown);
        System.out.println();
        System.out.println(markdown);
    }

    static void say(String line) {
        System.out.println(LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "  " + line);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One scenario's measurements until they are turned into its report. */
    private static final class ScenarioRun {
        static final String LOAD_GENERATOR = "load-generator";

        private final TrafficRun.Scenario scenario;
        private long framesAtStart;
        private long framesAtEnd;
        private ProcessUsage usage;
        private Map<String, ProcessUsage.Usage> usageResult;
        private ConsumerLag lag;
        private Map<String, double[]> lagResult;
        private CompletableFuture<Latencies> kafkaProbe;
        private CompletableFuture<Latencies> webSocketProbe;
        private BenchmarkReport.Floor floorUnderLoad;
        private TrafficRun.Result result;

        ScenarioRun(TrafficRun.Scenario scenario) {
            this.scenario = scenario;
        }

        private static Map<String, Latencies.Summary> stages(Flows.FlowResult outcome) {
            Map<String, Latencies.Summary> stages = new LinkedHashMap<>();
            if (outcome.answerStored().summary().count() > 0) {
                stages.put("visitor message stored → AI answer stored", outcome.answerStored().summary());
                stages.put("AI answer stored → on the visitor's socket", outcome.answerDelivered().summary());
            }
            return stages;
        }

        BenchmarkReport.ScenarioReport report(Deliveries deliveries, StoredAnswers stored, BenchmarkReport.Floor idleFloor,
                                              Path plot, Latencies idleKafka, Latencies idleWebSocket) {
            Map<Flows.Flow, Flows.FlowResult> flows = Flows.evaluate(result, deliveries, stored);
            Map<String, BenchmarkReport.FlowReport> flowReports = new LinkedHashMap<>();
            Map<String, Latencies> plotted = new LinkedHashMap<>();
            flows.forEach((flow, outcome) -> {
                Latencies.Summary pipeline = outcome.pipeline().summary();
                double floorP99 = idleFloor.p99(flow.kafkaHops());
                flowReports.put(flow.name(), new BenchmarkReport.FlowReport(flow.label(), flow.event(), pipeline,
                        outcome.client().summary(), outcome.expected(), outcome.lost(), outcome.unanswered(),
                        outcome.duplicates(), flow.kafkaHops(), floorP99, pipeline.p99() / floorP99, stages(outcome)));
                plotted.put(flow.label(), outcome.pipeline());
            });
            plotted.put("floor: Kafka hop (idle)", idleKafka);
            plotted.put("floor: WebSocket round trip (idle)", idleWebSocket);
            LatencyPlot.cdf(scenario.name() + ": pipeline latency (createdAt → socket)", plotted, plot);
            int accepted = (int) result.sent().stream().filter(sent -> sent.outcome().accepted()).count();
            double measuredSeconds = (result.sendingEnded() - result.measuredFrom()) / 1e6;
            double stackCpu = usageResult.entrySet().stream().filter(e -> !e.getKey().equals(LOAD_GENERATOR))
                    .mapToDouble(e -> e.getValue().cpuPercent()).sum();
            double stackMemory = usageResult.entrySet().stream().filter(e -> !e.getKey().equals(LOAD_GENERATOR))
                    .mapToDouble(e -> e.getValue().rssPeakMb()).sum();
            return new BenchmarkReport.ScenarioReport(scenario.name(), scenario.ratePerSecond(), result.achievedRate(),
                    scenario.warmup().toMillis() / 1000.0, measuredSeconds, result.sent().size(), accepted,
                    result.sent().size() - accepted, (framesAtEnd - framesAtStart) / measuredSeconds, flowReports,
                    floorUnderLoad, usageResult, stackCpu, stackMemory, lagResult);
        }
    }
}
