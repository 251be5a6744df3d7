package io.portfoliochat.chat.settings;

import io.portfoliochat.events.ChatSettings;
import io.portfoliochat.events.ChatSettingsChanged;
import io.portfoliochat.events.Topics;
import io.portfoliochat.support.kafka.CompactedTopicView;
import org.springframework.stereotype.Component;

/** The owner's settings as last published by admin-service; the defaults until the first arrive. */
@Component
public class CurrentSettings {

    private final CompactedTopicView settingsView;

    CurrentSettings(CompactedTopicView settingsView) {
        this.settingsView = settingsView;
    }

    public ChatSettings current() {
        return settingsView.latest(Topics.SETTINGS_KEY)
                .map(envelope -> envelope.payload() instanceof ChatSettingsChanged changed ? changed.settings() : null)
                .orElseGet(ChatSettings::defaults);
    }
}
