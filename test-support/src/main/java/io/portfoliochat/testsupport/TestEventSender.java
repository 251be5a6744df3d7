package io.portfoliochat.testsupport;

import io.portfoliochat.events.DomainEvent;
import io.portfoliochat.events.EventCodec;
import io.portfoliochat.events.EventEnvelope;
import io.portfoliochat.events.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events (or raw bytes, e.g. poison) the way another service would. */
public final class TestEventSender implements AutoCloseable {

    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, byte[]> producer;

    public TestEventSender(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(properties);
    }

    public <T extends DomainEvent> EventEnvelope<T> send(String topic, T payload) {
        EventEnvelope<T> envelope = EventEnvelope.wrap(payload);
        send(topic, envelope);
        return envelope;
    }

    public void send(String topic, EventEnvelope<?> envelope) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, envelope.key(), codec.encode(envelope));
        record.headers().add(EventHeaders.EVENT_ID, envelope.eventId().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE, envelope.type().getBytes(StandardCharsets.UTF_8));
        await(record);
    }

    public void sendRaw(String topic, String key, byte[] value) {
        await(new ProducerRecord<>(topic, key, value));
    }

    private void await(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not send a test event to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
