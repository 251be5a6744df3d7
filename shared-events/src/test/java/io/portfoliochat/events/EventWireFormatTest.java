package io.portfoliochat.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EventWireFormatTest {

    private final EventCodec codec = new EventCodec();

    @TestFactory
    Stream<DynamicTest> everyEventEncodesExactlyAsItsGoldenFile() {
        return SampleEvents.all().entrySet().stream().map(sample -> DynamicTest.dynamicTest(sample.getKey(), () -> {
            JsonNode encoded = codec.mapper().readTree(codec.encode(sample.getValue()));
            assertThat(encoded).isEqualTo(golden(sample.getKey()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenFileDecodesToTheSameEvent() {
        return SampleEvents.all().entrySet().stream().map(sample -> DynamicTest.dynamicTest(sample.getKey(), () -> {
            EventEnvelope<DomainEvent> decoded = codec.decode(goldenBytes(sample.getKey()));
            assertThat(decoded).isEqualTo(sample.getValue());
            assertThat(decoded.isKnownType()).isTrue();
        }));
    }

    @Test
    void everyRegisteredTypeHasAGoldenSample() {
        assertThat(SampleEvents.all().values()).extracting(EventEnvelope::type)
                .containsAll(EventTypes.all().keySet());
    }

    @TestFactory
    Stream<DynamicTest> fieldsFromANewerProducerAreIgnored() {
        return SampleEvents.all().entrySet().stream().map(sample -> DynamicTest.dynamicTest(sample.getKey(), () -> {
            ObjectNode newer = (ObjectNode) golden(sample.getKey());
            newer.put("schemaVersion", 7);
            newer.put("traceParent", "00-abc-01");
            ((ObjectNode) newer.get("payload")).put("someFutureField", "ignored");
            ((ObjectNode) newer.get("payload")).putObject("nestedFuture").put("x", 1);

            EventEnvelope<DomainEvent> decoded = codec.decode(codec.mapper().writeValueAsBytes(newer));

            assertThat(decoded.payload()).isEqualTo(sample.getValue().payload());
            assertThat(decoded.schemaVersion()).isEqualTo(7);
        }));
    }

    @Test
    void anUnknownEnumValueReadsAsNullInsteadOfFailing() throws IOException {
        ObjectNode newer = (ObjectNode) golden("ai.handed-off");
        ((ObjectNode) newer.get("payload")).put("reason", "some_new_reason");

        AiHandedOff decoded = (AiHandedOff) codec.decode(codec.mapper().writeValueAsBytes(newer)).payload();

        assertThat(decoded.reason()).isNull();
        assertThat(decoded.visitorNotice()).startsWith("I don't have that information");
    }

    @Test
    void anUnknownEventTypeDecodesAsUnknownEventAndRoundTrips() {
        String json = """
                {"eventId":"00000000-0000-4000-8000-000000000099","type":"visitor.waved","schemaVersion":3,
                 "occurredAt":"2026-01-28T09:15:30.123Z","key":"42","payload":{"conversationId":42,"hand":"left"}}""";

        EventEnvelope<DomainEvent> decoded = codec.decode(json.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.isKnownType()).isFalse();
        assertThat(decoded.payload()).isInstanceOf(UnknownEvent.class);
        assertThat(((UnknownEvent) decoded.payload()).type()).isEqualTo("visitor.waved");
        assertThat(codec.mapper().readTree(codec.encode(decoded))).isEqualTo(codec.mapper().readTree(json));
    }

    @Test
    void missingOptionalFieldsReadAsEmptyOrNull() {
        String json = """
                {"eventId":"00000000-0000-4000-8000-000000000098","type":"message.created",
                 "occurredAt":"2026-01-28T09:15:30.123Z","key":"42",
                 "payload":{"conversationId":42,"messageId":5,"senderType":"visitor","content":"hi"}}""";

        MessageCreated decoded = (MessageCreated) codec.decode(json.getBytes(StandardCharsets.UTF_8)).payload();

        assertThat(decoded.content()).isEqualTo("hi");
        assertThat(decoded.inReplyTo()).isEmpty();
        assertThat(decoded.aiMetadata()).isNull();
        assertThat(decoded.seq()).isZero();
    }

    @Test
    void bytesThatAreNotAnEnvelopeAreRejectedWithAReason() {
        assertThatThrownBy(() -> codec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class);
        assertThatThrownBy(() -> codec.decode("{\"type\":\"message.created\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("eventId");
        assertThatThrownBy(() -> codec.decode("[1,2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class);
        assertThatThrownBy(() -> codec.decode("""
                {"eventId":"00000000-0000-4000-8000-000000000098","type":"message.created",
                 "occurredAt":"2026-01-28T09:15:30.123Z","payload":{"conversationId":"forty-two"}}"""
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class);
    }

    @Test
    void conversationEventsAreKeyedByTheirConversation() {
        for (EventEnvelope<?> envelope : SampleEvents.all().values()) {
            if (envelope.payload() instanceof ConversationEvent event) {
                assertThat(envelope.key()).isEqualTo(Long.toString(event.conversationId()));
            }
        }
        assertThat(SampleEvents.all().get("settings.changed").key()).isEqualTo(Topics.SETTINGS_KEY);
        assertThat(SampleEvents.all().get("portfolio.changed").key()).isEqualTo(Topics.PORTFOLIO_KEY);
    }

    @Test
    void latestStateTopicsAreCompactedAndTheEventLogIsNot() {
        Map<String, Topics.TopicSpec> byName = new java.util.HashMap<>();
        Topics.all().forEach(spec -> byName.put(spec.name(), spec));
        assertThat(byName.get(Topics.SETTINGS).compacted()).isTrue();
        assertThat(byName.get(Topics.PORTFOLIO).compacted()).isTrue();
        assertThat(byName.get(Topics.CONVERSATION_STATE).compacted()).isTrue();
        assertThat(byName.get(Topics.CONVERSATION_EVENTS).compacted()).isFalse();
        assertThat(byName).containsKey(Topics.deadLetter(Topics.CONVERSATION_EVENTS));
    }

    private JsonNode golden(String name) throws IOException {
        return codec.mapper().readTree(goldenBytes(name));
    }

    private byte[] goldenBytes(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/golden/" + name + ".json")) {
            assertThat(in).as("golden file %s.json", name).isNotNull();
            return in.readAllBytes();
        }
    }
}
