package io.portfoliochat.events;

import java.time.Instant;
import java.util.List;

/** The full chat settings after a change, and who changed what. Compacted topic: the latest wins. */
public record ChatSettingsChanged(
        ChatSettings settings,
        String changedBy,
        List<String> changedFields,
        Instant changedAt) implements DomainEvent {

    public ChatSettingsChanged {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    @Override
    public String key() {
        return Topics.SETTINGS_KEY;
    }
}
