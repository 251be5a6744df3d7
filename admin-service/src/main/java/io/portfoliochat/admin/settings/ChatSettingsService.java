package io.portfoliochat.admin.settings;

import io.portfoliochat.events.ChatSettings;
import io.portfoliochat.events.ChatSettingsChanged;
import io.portfoliochat.events.EventEnvelope;
import io.portfoliochat.events.Topics;
import io.portfoliochat.support.outbox.Outbox;
import io.portfoliochat.support.security.AdminPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ChatSettingsService {

    /** changedBy of the start-up publication, which has no changed fields (it is not an alert). */
    static final String STARTUP_PUBLISHER = "admin-service";

    private final ChatSettingsRepository repository;
    private final Outbox outbox;
    private final Clock clock;

    ChatSettingsService(ChatSettingsRepository repository, Outbox outbox, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    ChatSettings current() {
        return repository.current();
    }

    /**
     * Applies a partial update. When something changed, the full settings go to the settings topic in
     * the same transaction; that event is also the {@code ai-settings-changed} alert.
     */
    @Transactional
    ChatSettings update(SettingsPatch patch, AdminPrincipal admin) {
        ChatSettings before = repository.lockCurrent();
        ChatSettings after = patch.applyTo(before);
        List<String> changed = SettingsPatch.changedFields(before, after);
        if (changed.isEmpty()) {
            return before;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        repository.save(after, admin.displayName(), now);
        publish(new ChatSettingsChanged(after, admin.displayName(), changed, now));
        return after;
    }

    /** Publishes the current settings (compacted topic: the latest always describes the truth). */
    @Transactional
    void publishCurrent() {
        publish(new ChatSettingsChanged(repository.lockCurrent(), STARTUP_PUBLISHER, List.of(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    private void publish(ChatSettingsChanged event) {
        outbox.append(Topics.SETTINGS, EventEnvelope.wrap(UUID.randomUUID(), event.changedAt(), event));
    }
}
