package io.portfoliochat.loadgen.report;

import io.portfoliochat.loadgen.usage.ProcessUsage;
import java.util.List;
import java.util.Map;

/**
 * Everything one run measured, as written to {@code results.json} and {@code results.md}. Latencies in
 * milliseconds, memory in MiB.
 *
 * @param command           how the run was started
 * @param stackStartSeconds from {@code LocalStack.start} to every service ready (cold: empty data directory)
 * @param idleMemoryMb      resident memory of each process right after start-up
 * @param setupSeconds      connecting the admin and every visitor (session, first message, socket, subscription)
 * @param idleFloor         the floor on the idle stack, before the traffic
 */
public record BenchmarkReport(String label, String command, String startedAt, Machine machine, double stackStartSeconds,
                              Map<String, Double> idleMemoryMb, int visitors, double setupSeconds, Floor idleFloor,
                              List<ScenarioReport> scenarios, Stored stored, long problems, Map<String, Long> problemsByKind,
                              List<String> problemSamples) {

    /** The machine and what else ran on it. */
    public record Machine(int cpus, String cpuModel, long memoryMb, String java, String os, String loadAverageAtStart,
                          String conditions) {
    }

    /**
     * One Kafka hop (produce with acks=all until consumed) and one WebSocket round trip (two hops) on this machine.
     */
    public record Floor(Latencies.Summary kafka, Latencies.Summary webSocket) {

        /** The transport floor of a flow that crosses {@code kafkaHops} Kafka hops and then the two WebSocket hops to the client. */
        public double p99(int kafkaHops) {
            return kafkaHops * kafka.p99() + webSocket.p99();
        }
    }

    /**
     * @param achievedRate    messages per second actually sent
     * @param framesPerSecond channel events received by all clients per second during the measured window
     * @param floorUnderLoad  the same floor probes, at a low rate, while the scenario ran
     * @param usage           per process over the measured window (services, Kafka, MariaDB, the load generator)
     * @param stackMemoryPeakMb sum of the peak resident memory of the stack's processes (not the load generator)
     * @param consumerLag records each consumer group was behind on the conversation topic: {average, peak}
     */
    public record ScenarioReport(String name, double targetRate, double achievedRate, double warmupSeconds,
                                 double measuredSeconds, int sent, int accepted, int failed, double framesPerSecond,
                                 Map<String, FlowReport> flows, Floor floorUnderLoad, Map<String, ProcessUsage.Usage> usage,
                                 double stackCpuPercent, double stackMemoryPeakMb, Map<String, double[]> consumerLag) {

        /** CPU time the stack spent per message sent, in ms. */
        public double stackCpuMsPerMessage() {
            return stackCpuPercent / 100 / achievedRate * 1000;
        }
    }

    /**
     * @param pipeline from chat-service's createdAt to the event on the socket
     * @param client   from the POST leaving the client to the event on the socket
     * @param floorP99 this flow's transport floor p99 on the idle stack; {@code ratio} = pipeline p99 / floorP99
     * @param stages   where an AI reply's time goes: until chat-service stored the answer, then until it arrived
     */
    public record FlowReport(String label, String event, Latencies.Summary pipeline, Latencies.Summary client, int expected,
                             int lost, int unanswered, int duplicates, int kafkaHops, double floorP99, double ratio,
                             Map<String, Latencies.Summary> stages) {
    }

    /** Read back from the conversations after the run. */
    public record Stored(long aiMessages, long handOffs, long duplicateClientMessageIds, long visitorMessagesAnsweredTwice) {
    }
}
