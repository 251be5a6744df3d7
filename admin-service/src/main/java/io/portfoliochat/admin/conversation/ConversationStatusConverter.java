package io.portfoliochat.admin.conversation;

import io.portfoliochat.events.ConversationStatus;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores statuses by their wire names (active, resolved, closed), as the seed schema does. */
@Converter
class ConversationStatusConverter implements AttributeConverter<ConversationStatus, String> {

    @Override
    public String convertToDatabaseColumn(ConversationStatus status) {
        return status == null ? null : status.wireName();
    }

    @Override
    public ConversationStatus convertToEntityAttribute(String value) {
        return value == null ? null : ConversationStatus.fromWireName(value)
                .orElseThrow(() -> new IllegalStateException("Unknown conversation status in the database: " + value));
    }
}
