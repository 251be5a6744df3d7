package io.portfoliochat.loadgen.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run as Markdown tables, ready for docs/benchmarks.md; the targets of issue 10 checked at the end. */
public final class MarkdownReport {

    private static final double GIB_MB = 1024;

    private MarkdownReport() {
    }

    public static String render(BenchmarkReport report) {
        StringBuilder md = new StringBuilder();
        BenchmarkReport.Machine machine = report.machine();
        md.append("## Run: ").append(report.label()).append(" (").append(report.startedAt()).append(")\n\n");
        md.append("`").append(report.command()).append("`\n\n");
        md.append("Machine: ").append(machine.cpus()).append(" CPUs (").append(machine.cpuModel()).append("), ")
                .append(machine.memoryMb()).append(" MiB RAM, ").append(machine.java()).append(", ").append(machine.os())
                .append(". Load average at start: ").append(machine.loadAverageAtStart()).append(". ")
                .append(machine.conditions()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Stack cold start (empty data): **%.1f s**. %d visitors + the admin connected in %.1f s.%n%n",
                report.stackStartSeconds(), report.visitors(), report.setupSeconds()));
        md.append("### Floor (idle stack, before the traffic)\n\n");
        floorTable(md, report.idleFloor());
        for (BenchmarkReport.ScenarioReport scenario : report.scenarios()) {
            scenario(md, scenario);
        }
        BenchmarkReport.Stored stored = report.stored();
        md.append(String.format(Locale.ROOT, "Stored afterwards: %d AI messages (%d of them hand-offs), %d client message ids "
                        + "stored twice, %d visitor messages answered twice.%n%n", stored.aiMessages(), stored.handOffs(),
                stored.duplicateClientMessageIds(), stored.visitorMessagesAnsweredTwice()));
        md.append("Client-side errors: ").append(report.problems());
        if (report.problems() > 0) {
            md.append(" ").append(report.problemsByKind()).append("\n\n");
            report.problemSamples().forEach(sample -> md.append("    ").append(sample).append("\n"));
        }
        md.append("\n\n### Targets\n\n");
        md.append("| target | measured | met |\n|---|---|---|\n");
        for (String[] row : targets(report)) {
            md.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return md.toString();
    }

    private static void floorTable(StringBuilder md, BenchmarkReport.Floor floor) {
        md.append("| floor | samples | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|\n");
        summaryRow(md, "Kafka produce → consume (acks=all, linger 0)", floor.kafka());
        summaryRow(md, "WebSocket echo round trip (java.net.http ↔ Tomcat)", floor.webSocket());
        md.append("\n");
    }

    private static void summaryRow(StringBuilder md, String name, Latencies.Summary s) {
        md.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f |%n", name, s.count(), s.p50(), s.p95(), s.p99(), s.max()));
    }

    private static void scenario(StringBuilder md, BenchmarkReport.ScenarioReport scenario) {
        md.append("### ").append(scenario.name()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Sent %d messages (%d accepted, %d failed) at %.1f msg/s (target %.0f), "
                        + "%.0f s warm-up then %.0f s measured; clients received %.0f channel events/s.%n%n",
                scenario.sent(), scenario.accepted(), scenario.failed(), scenario.achievedRate(), scenario.targetRate(),
                scenario.warmupSeconds(), scenario.measuredSeconds(), scenario.framesPerSecond()));
        md.append("Latency in ms. *Pipeline*: event arrival on the socket − chat-service's `createdAt` (the POST accepted). "
                + "*Client*: arrival − the POST leaving the client.\n\n");
        md.append("| flow | messages | pipeline p50 | p95 | p99 | p99.9 | max | client p50 | client p99 | lost | unanswered | duplicates | floor p99 | p99 / floor |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (BenchmarkReport.FlowReport flow : scenario.flows().values()) {
            Latencies.Summary p = flow.pipeline();
            Latencies.Summary c = flow.client();
            md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | **%.1f** | %.1f | %.1f | %.1f | %.1f | %d | %d | %d | %.1f (%d× Kafka + WS) | %.1f× |%n",
                    flow.label(), p.count(), p.p50(), p.p95(), p.p99(), p.p999(), p.max(), c.p50(), c.p99(), flow.lost(),
                    flow.unanswered(), flow.duplicates(), flow.floorP99(), flow.kafkaHops(), flow.ratio()));
        }
        for (BenchmarkReport.FlowReport flow : scenario.flows().values()) {
            flow.stages().forEach((stage, s) -> md.append(String.format(Locale.ROOT,
                    "%s, stage \"%s\": p50 %.1f, p95 %.1f, p99 %.1f, max %.1f ms.%n", flow.label(), stage, s.p50(), s.p95(), s.p99(), s.max())));
        }
        md.append("\nConsumer lag on the conversation topic (records behind, average / peak):");
        scenario.consumerLag().forEach((group, lag) -> md.append(String.format(Locale.ROOT, " %s %.0f / %.0f;", group, lag[0], lag[1])));
        md.append("\n\nFloor measured at the same time, under this load:\n\n");
        floorTable(md, scenario.floorUnderLoad());
        md.append("| process | CPU (% of one core) | RSS avg (MiB) | RSS peak (MiB) |\n|---|---|---|---|\n");
        scenario.usage().forEach((name, usage) -> md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f |%n",
                name, usage.cpuPercent(), usage.rssAvgMb(), usage.rssPeakMb())));
        md.append(String.format(Locale.ROOT, "| **stack total** (without the load generator) | %.0f | | **%.0f** |%n%n",
                scenario.stackCpuPercent(), scenario.stackMemoryPeakMb()));
        md.append(String.format(Locale.ROOT, "Stack CPU per message sent: **%.1f ms** (all services, Kafka and MariaDB; a measure of "
                + "cost that depends less on how busy the machine is than latency does).%n%n", scenario.stackCpuMsPerMessage()));
    }

    /** The targets of issue 10: {target, measured, met}. */
    static List<String[]> targets(BenchmarkReport report) {
        List<String[]> rows = new ArrayList<>();
        for (BenchmarkReport.ScenarioReport scenario : report.scenarios()) {
            Map<String, BenchmarkReport.FlowReport> flows = scenario.flows();
            BenchmarkReport.FlowReport toAdmin = flows.get("VISITOR_TO_ADMIN");
            BenchmarkReport.FlowReport ai = flows.get("AI_REPLY");
            BenchmarkReport.FlowReport toVisitor = flows.get("ADMIN_TO_VISITOR");
            long lost = flows.values().stream().mapToLong(f -> f.lost() + f.unanswered()).sum();
            long duplicates = flows.values().stream().mapToLong(BenchmarkReport.FlowReport::duplicates).sum();
            String where = " (" + scenario.name() + ")";
            if (report.visitors() >= 1000 && scenario.targetRate() <= 100) {
                rows.add(row("visitor → admin p99 ≤ 100 ms" + where, toAdmin.pipeline().p99(), toAdmin.pipeline().p99() <= 100));
                rows.add(row("offline AI reply p99 ≤ 200 ms" + where, ai.pipeline().p99(), ai.pipeline().p99() <= 200));
                rows.add(new String[] {"0 errors, 0 lost, 0 duplicates" + where,
                        scenario.failed() + " failed sends, " + lost + " lost, " + duplicates + " duplicates",
                        yes(scenario.failed() == 0 && lost == 0 && duplicates == 0)});
            }
            if (scenario.targetRate() >= 1000) {
                boolean rateHeld = scenario.achievedRate() >= 0.98 * scenario.targetRate() && scenario.measuredSeconds() >= 60;
                double worst = Math.max(toAdmin.pipeline().p99(), toVisitor.pipeline().p99());
                rows.add(new String[] {"sustained 1,000 msg/s for 60 s" + where,
                        String.format(Locale.ROOT, "%.0f msg/s for %.0f s", scenario.achievedRate(), scenario.measuredSeconds()), yes(rateHeld)});
                rows.add(row("delivery p99 ≤ 250 ms at 1,000 msg/s (worse of visitor → admin, admin → visitor)" + where, worst, worst <= 250));
                rows.add(row("AI reply p99 at 1,000 msg/s (reported; ≤ 250 ms asked of every delivery)" + where, ai.pipeline().p99(),
                        ai.pipeline().p99() <= 250));
                rows.add(new String[] {"nothing lost at 1,000 msg/s" + where, lost + " lost", yes(lost == 0)});
            }
            for (BenchmarkReport.FlowReport flow : flows.values()) {
                rows.add(new String[] {"end-to-end p99 ≤ 5× floor p99, " + flow.label() + where,
                        String.format(Locale.ROOT, "%.1f× (%.1f ms / %.1f ms)", flow.ratio(), flow.pipeline().p99(), flow.floorP99()),
                        yes(flow.ratio() <= 5)});
            }
            rows.add(new String[] {"stack memory ≤ 3 GiB under load" + where,
                    String.format(Locale.ROOT, "%.0f MiB peak", scenario.stackMemoryPeakMb()), yes(scenario.stackMemoryPeakMb() <= 3 * GIB_MB)});
        }
        rows.add(new String[] {"healthy from cold start ≤ 60 s", String.format(Locale.ROOT, "%.1f s", report.stackStartSeconds()),
                yes(report.stackStartSeconds() <= 60)});
        return rows;
    }

    private static String[] row(String target, double measuredMs, boolean met) {
        return new String[] {target, String.format(Locale.ROOT, "%.1f ms", measuredMs), yes(met)};
    }

    private static String yes(boolean met) {
        return met ? "yes" : "**no**";
    }
}
