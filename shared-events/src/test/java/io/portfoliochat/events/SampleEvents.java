package io.portfoliochat.events;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One fixed example of every event type; the golden files pin how each one looks on the wire. */
final class SampleEvents {

    static final Instant AT = Instant.parse("2026-01-28T09:15:30.123Z");

    private SampleEvents() {
    }

    static Map<String, EventEnvelope<?>> all() {
        Map<String, EventEnvelope<?>> samples = new LinkedHashMap<>();
        add(samples, 1, new ConversationStarted(42, "v-7f3c", "Budi", "budi@example.com", "Halo, apa tech stack Rina?", AT));
        add(samples, 2, new MessageCreated(42, 1001, 1, SenderType.VISITOR, "v-7f3c", "Budi",
                "Halo, apa tech stack Rina? 🚀", "c-1", List.of(), null, null, AT));
        add(samples, 3, new MessageCreated(42, 1002, 2, SenderType.AI, null, "AI Assistant",
                "Rina uses TypeScript, Go, PostgreSQL and Kubernetes.", "ai-re:1001", List.of(1001L),
                new AiReplyMetadata("offline", "offline-retrieval", 12, 18, 30, 41L, List.of("techStack[0]", "techStack[1]")),
                null, AT));
        add(samples, 4, new MessagesRead(42, List.of(1001L, 1002L), SenderType.ADMIN, AT));
        add(samples, 5, new ConversationUpdated(42, ConversationStatus.ACTIVE, false, "Rina Kusuma", AT));
        add(samples, 6, new AiTyping(42, true, "r-9"));
        add(samples, 7, new AiReplyChunk(42, "r-9", 0, "Rina uses "));
        add(samples, 8, new AiReplyGenerated(42, "r-9", List.of(1001L), "Rina uses TypeScript and Go.",
                new AiReplyMetadata("openai", "gpt-4o-mini", 350, 22, 372, 812L, List.of("techStack[0]")), AT));
        add(samples, 9, new AiHandedOff(42, "r-10", List.of(1003L), HandOffReason.UNKNOWN_ANSWER,
                "I don't have that information; I've passed your question to Rina.", "no portfolio fact matched", AT));
        add(samples, 10, new ChatSettingsChanged(new ChatSettings(true, "gpt-4o-mini", 0.7, "Be brief.",
                "Hi! How can I help?", "I'm offline, leave a message.", "I'm away until Monday.",
                new BusinessHours(true, "Asia/Jakarta", List.of(new BusinessHours.DailyHours(DayOfWeek.MONDAY, "09:00", "17:00"))),
                30), "Rina Kusuma", List.of("aiEnabled"), AT));
        add(samples, 11, new PortfolioChanged(new Portfolio(
                new Portfolio.About("Rina Kusuma", "Full-Stack Engineer", "Bandung, Indonesia", "Building calm software",
                        "Eight years of web products.", List.of(new Portfolio.CoreValue("shield", "Reliability", "Fail gracefully.")),
                        List.of("bouldering")),
                List.of(new Portfolio.TechStackItem("Go", "Backend services.", "go", "#00add8", "#e5f7fb")),
                List.of(new Portfolio.CareerEntry("2022 - Present", "Senior Software Engineer", "Kirimin Logistics",
                        "Lead engineer for shipment tracking.", List.of("Go"), List.of("Realtime shipment tracker"),
                        List.of(new Portfolio.Project("TrackNow", "web app")), List.of("Mentored five engineers")))),
                "Rina Kusuma", AT));
        return samples;
    }

    private static void add(Map<String, EventEnvelope<?>> samples, int n, DomainEvent payload) {
        UUID id = UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
        EventEnvelope<?> envelope = EventEnvelope.wrap(id, AT, payload);
        String name = envelope.type() + (payload instanceof MessageCreated m ? "." + m.senderType().wireName() : "");
        samples.put(name, envelope);
    }
}
