package io.portfoliochat.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON (de)serialisation of envelopes, tolerant by design: unknown fields are ignored, unknown
 * enum values read as null, and an unknown event type decodes to {@link UnknownEvent} so that a
 * newer producer never breaks an older consumer. Thread-safe; build one and share it.
 */
public final class EventCodec {

    private final JsonMapper mapper;

    public EventCodec() {
        this.mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
    }

    /** The mapper configured for the wire format, for services that embed contract records elsewhere. */
    public JsonMapper mapper() {
        return mapper;
    }

    public byte[] encode(EventEnvelope<?> envelope) {
        if (envelope.payload() instanceof UnknownEvent unknown) {
            ObjectNode node = mapper.createObjectNode();
            node.put("eventId", envelope.eventId().toString());
            node.put("type", envelope.type());
            node.put("schemaVersion", envelope.schemaVersion());
            node.put("occurredAt", envelope.occurredAt().toString());
            node.put("key", envelope.key());
            node.set("payload", mapper.readTree(unknown.json()));
            return mapper.writeValueAsBytes(node);
        }
        return mapper.writeValueAsBytes(envelope);
    }

    public String encodeToString(EventEnvelope<?> envelope) {
        return new String(encode(envelope), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Decodes an envelope.
     *
     * @throws EventDecodingException when the bytes are not an envelope at all (poison message)
     */
    public EventEnvelope<DomainEvent> decode(byte[] bytes) {
        try {
            JsonNode root = mapper.readTree(bytes);
            if (root == null || !root.isObject()) {
                throw new EventDecodingException("event is not a JSON object");
            }
            String type = requiredText(root, "type");
            UUID eventId = UUID.fromString(requiredText(root, "eventId"));
            java.time.Instant occurredAt = java.time.Instant.parse(requiredText(root, "occurredAt"));
            int schemaVersion = root.path("schemaVersion").asInt(1);
            String key = root.path("key").isString() ? root.path("key").asString() : null;
            JsonNode payloadNode = root.get("payload");
            if (payloadNode == null || !payloadNode.isObject()) {
                throw new EventDecodingException("event " + eventId + " has no payload object");
            }
            DomainEvent payload = EventTypes.payloadClassOf(type)
                    .<DomainEvent>map(payloadClass -> mapper.treeToValue(payloadNode, payloadClass))
                    .orElseGet(() -> new UnknownEvent(type, key, mapper.writeValueAsString(payloadNode)));
            return new EventEnvelope<>(eventId, type, schemaVersion, occurredAt, key, payload);
        } catch (JacksonException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new EventDecodingException("not a valid event envelope: " + e.getMessage(), e);
        }
    }

    private static String requiredText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isString() || node.asString().isBlank()) {
            throw new EventDecodingException("event envelope has no '" + field + "'");
        }
        return node.asString();
    }
}
