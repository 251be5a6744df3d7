package io.portfoliochat.support.kafka;

import io.portfoliochat.events.EventCodec;
import io.portfoliochat.events.EventEnvelope;
import io.portfoliochat.events.EventHeaders;
import io.portfoliochat.support.web.CorrelationId;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Sends envelopes to Kafka: key = envelope key (so a conversation stays on one partition), event id,
 * type and correlation id in headers. Delivery guarantees come from the producer settings
 * (idempotent, acks=all) in the shared defaults.
 */
public class EventPublisher {

    private final KafkaTemplate<String, byte[]> template;
    private final EventCodec codec;

    public EventPublisher(KafkaTemplate<String, byte[]> template, EventCodec codec) {
        this.template = template;
        this.codec = codec;
    }

    public CompletableFuture<SendResult<String, byte[]>> publish(String topic, EventEnvelope<?> envelope) {
        return send(topic, envelope.key(), codec.encode(envelope), envelope.eventId().toString(), envelope.type(),
                MDC.get(CorrelationId.MDC_KEY));
    }

    /** Sends an already-encoded envelope (the outbox stores them encoded). */
    public CompletableFuture<SendResult<String, byte[]>> send(String topic, String key, byte[] value, String eventId,
                                                               String type, String correlationId) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers().add(EventHeaders.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        if (correlationId != null) {
            record.headers().add(EventHeaders.CORRELATION_ID, correlationId.getBytes(StandardCharsets.UTF_8));
        }
        return template.send(record);
    }

    /**
     * Closes the current producer so the next send starts a fresh one. After a broker outage an
     * idempotent producer can be left in a state it never leaves (e.g. the cluster came back new).
     */
    public void resetProducer() {
        template.getProducerFactory().reset();
    }

    public EventCodec codec() {
        return codec;
    }
}
