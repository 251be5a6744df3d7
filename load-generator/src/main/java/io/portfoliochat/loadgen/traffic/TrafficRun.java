package io.portfoliochat.loadgen.traffic;

import io.portfoliochat.loadgen.WallClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends messages at a fixed total rate (open loop: the schedule does not wait for answers), round-robin over the
 * visitors so each sends at the same pace, every n-th message sent by the admin into the next visitor's
 * conversation. The first {@code warmup} is sent but not measured.
 */
public final class TrafficRun {

    /** Questions the demo portfolio answers, so the assistant replies rather than handing off. */
    private static final List<String> QUESTIONS = List.of(
            "What is your tech stack?",
            "Where are you based?",
            "What projects have you worked on?",
            "Do you have a portfolio site?",
            "What did you do at your last job?",
            "Which technologies do you use most?");
    private static final int MAX_IN_FLIGHT = 2000;

    private TrafficRun() {
    }

    /** @param measurementStarts runs on the sending thread when the warm-up is over */
    public static Result run(Scenario scenario, Audience audience, GatewayClient api, Problems problems, String runId,
                             Runnable measurementStarts) {
        List<Participant> visitors = audience.visitors();
        Participant admin = audience.admin();
        long total = Math.round(scenario.ratePerSecond() * (scenario.warmup().toMillis() + scenario.duration().toMillis()) / 1000.0);
        long warmupSends = Math.round(scenario.ratePerSecond() * scenario.warmup().toMillis() / 1000.0);
        long intervalNanos = Math.round(1e9 / scenario.ratePerSecond());
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        List<CompletableFuture<Sent>> sends = new ArrayList<>((int) total);
        int visitorCursor = 0;
        int adminCursor = 0;
        long measuredFrom = 0;
        long start = System.nanoTime();
        long giveUpAt = start + 2 * (scenario.warmup().toNanos() + scenario.duration().toNanos());
        for (long i = 0; i < total; i++) {
            if (System.nanoTime() > giveUpAt) {
                // The system cannot take the rate: twice the planned time is enough to show it.
                break;
            }
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean measured = i >= warmupSends;
            if (i == warmupSends) {
                measurementStarts.run();
                measuredFrom = WallClock.micros();
            }
            boolean byAdmin = Math.floor((i + 1) * scenario.adminShare()) > Math.floor(i * scenario.adminShare());
            Participant target = visitors.get(byAdmin ? adminCursor++ % visitors.size() : visitorCursor++ % visitors.size());
            Participant sender = byAdmin ? admin : target;
            inFlight.acquireUninterruptibly();
            String question = QUESTIONS.get((int) (i % QUESTIONS.size()));
            String content = byAdmin ? "Thanks for asking, the owner here: " + question.toLowerCase() : question;
            CompletableFuture<Sent> send = api.send(sender.credentials(), target.conversationId(), content,
                            sender.nextClientMessageId(runId))
                    .thenApply(outcome -> {
                        if (!outcome.accepted()) {
                            problems.record("send", outcome.error());
                        }
                        return new Sent(byAdmin ? Kind.ADMIN : Kind.VISITOR, target.index(), measured, outcome);
                    });
            send.whenComplete((sent, failure) -> inFlight.release());
            sends.add(send);
        }
        long sendingEnded = WallClock.micros();
        double seconds = (System.nanoTime() - start) / 1e9;
        long scheduled = sends.size();
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
        return new Result(scenario, sends.stream().map(CompletableFuture::join).toList(), measuredFrom, sendingEnded,
                scheduled / seconds);
    }

    /**
     * @param adminShare the fraction of messages the admin sends (to visitors); the rest visitors send
     */
    public record Scenario(String name, double ratePerSecond, Duration warmup, Duration duration, double adminShare) {
    }

    public enum Kind {
        VISITOR, ADMIN
    }

    /** One message: who sent it, to which visitor's conversation, whether it counts. */
    public record Sent(Kind kind, int visitor, boolean measured, SendOutcome outcome) {
    }

    /**
     * @param measuredFrom wall-clock microseconds when the measured part began
     * @param sendingEnded wall-clock microseconds when the last message was handed to the HTTP client
     * @param achievedRate messages per second actually sent
     */
    public record Result(Scenario scenario, List<Sent> sent, long measuredFrom, long sendingEnded, double achievedRate) {
    }
}
