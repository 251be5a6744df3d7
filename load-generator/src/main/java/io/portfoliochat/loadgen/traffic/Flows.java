package io.portfoliochat.loadgen.traffic;

import io.portfoliochat.loadgen.report.Latencies;
import java.util.EnumMap;
import java.util.Map;

/**
 * The three measured flows of a scenario, matched by message id: each accepted message is expected once on one
 * socket. Latency is measured for the messages sent after the warm-up; lost and duplicated messages are counted
 * for all of them.
 */
public final class Flows {

    private Flows() {
    }

    public static Map<Flow, FlowResult> evaluate(TrafficRun.Result run, Deliveries deliveries, StoredAnswers answers) {
        Map<Flow, Tally> tallies = new EnumMap<>(Flow.class);
        for (Flow flow : Flow.values()) {
            tallies.put(flow, new Tally());
        }
        for (TrafficRun.Sent sent : run.sent()) {
            SendOutcome outcome = sent.outcome();
            if (!outcome.accepted()) {
                continue;
            }
            if (sent.kind() == TrafficRun.Kind.ADMIN) {
                tallies.get(Flow.ADMIN_TO_VISITOR).count(sent, deliveries.arrival(sent.visitor(), outcome.messageId()));
                continue;
            }
            tallies.get(Flow.VISITOR_TO_ADMIN).count(sent, deliveries.arrival(Deliveries.ADMIN, outcome.messageId()));
            if (outcome.aiResponsePending()) {
                StoredAnswers.Answer answer = answers.answerTo(outcome.messageId());
                Tally ai = tallies.get(Flow.AI_REPLY);
                if (answer == null) {
                    ai.unanswered++;
                    continue;
                }
                Deliveries.Arrival arrival = deliveries.arrival(sent.visitor(), answer.messageId());
                ai.count(sent, arrival);
                if (sent.measured()) {
                    ai.answerStored.add(answer.createdAt() - outcome.createdAt());
                    if (arrival != null) {
                        ai.answerDelivered.add(arrival.firstAt() - answer.createdAt());
                    }
                }
            }
        }
        Map<Flow, FlowResult> results = new EnumMap<>(Flow.class);
        tallies.forEach((flow, tally) -> results.put(flow, tally.result(flow)));
        return results;
    }

    public enum Flow {
        VISITOR_TO_ADMIN("visitor → admin", "new-message-alert on private-admin-notifications", 1),
        AI_REPLY("visitor → AI reply", "new-message (senderType ai) on the visitor's conversation channel", 3),
        ADMIN_TO_VISITOR("admin → visitor", "new-message (senderType admin) on the visitor's conversation channel", 1);

        private final String label;
        private final String event;
        private final int kafkaHops;

        /**
         * @param kafkaHops Kafka hops on the way: chat-service's outbox to realtime-fanout-service; for an AI reply
         *                  also chat-service to ai-responder-service and ai-responder-service back to chat-service
         */
        Flow(String label, String event, int kafkaHops) {
            this.label = label;
            this.event = event;
            this.kafkaHops = kafkaHops;
        }

        public int kafkaHops() {
            return kafkaHops;
        }

        public String label() {
            return label;
        }

        public String event() {
            return event;
        }
    }

    /**
     * @param pipeline   arrival minus chat-service's createdAt of the message sent (the POST accepted)
     * @param client     arrival minus the moment the client sent the POST
     * @param expected   accepted messages that should arrive
     * @param lost       of those, never arrived on the expected socket
     * @param unanswered visitor messages the assistant was expected to answer ({@code aiResponsePending}) and did not
     * @param duplicates extra copies delivered on the expected socket
     * @param answerStored    AI replies only: the visitor message's createdAt to the answer's (stored by chat-service)
     * @param answerDelivered AI replies only: the answer's createdAt to its arrival on the visitor's socket
     */
    public record FlowResult(Flow flow, Latencies pipeline, Latencies client, int expected, int lost, int unanswered,
                             int duplicates, Latencies answerStored, Latencies answerDelivered) {
    }

    private static final class Tally {
        private final Latencies pipeline = new Latencies();
        private final Latencies client = new Latencies();
        private final Latencies answerStored = new Latencies();
        private final Latencies answerDelivered = new Latencies();
        private int expected;
        private int lost;
        private int unanswered;
        private int duplicates;

        void count(TrafficRun.Sent sent, Deliveries.Arrival arrival) {
            expected++;
            if (arrival == null) {
                lost++;
                return;
            }
            duplicates += arrival.times() - 1;
            if (sent.measured()) {
                pipeline.add(arrival.firstAt() - sent.outcome().createdAt());
                client.add(arrival.firstAt() - sent.outcome().postedAt());
            }
        }

        FlowResult result(Flow flow) {
            return new FlowResult(flow, pipeline, client, expected + unanswered, lost, unanswered, duplicates,
                    answerStored, answerDelivered);
        }
    }
}
