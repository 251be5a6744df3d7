package io.portfoliochat.support.kafka;

import io.portfoliochat.events.EventHeaders;
import io.portfoliochat.support.web.CorrelationId;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/** Carries the correlation id from the record header into the consumer's logging context. */
class CorrelationIdRecordInterceptor implements RecordInterceptor<String, byte[]> {

    @Override
    public ConsumerRecord<String, byte[]> intercept(ConsumerRecord<String, byte[]> record, Consumer<String, byte[]> consumer) {
        Header header = record.headers().lastHeader(EventHeaders.CORRELATION_ID);
        if (header != null) {
            MDC.put(CorrelationId.MDC_KEY, CorrelationId.acceptOrCreate(new String(header.value(), StandardCharsets.UTF_8)));
        }
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<String, byte[]> record, Consumer<String, byte[]> consumer) {
        MDC.remove(CorrelationId.MDC_KEY);
    }
}
