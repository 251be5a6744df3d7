package io.portfoliochat.admin.settings;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Publishes the current settings on every start, so the compacted topic is never empty and always
 * ends with the truth (the outbox holds the event until Kafka is reachable).
 */
@Component
class SettingsStartupPublisher implements ApplicationRunner {

    private final ChatSettingsService settings;

    SettingsStartupPublisher(ChatSettingsService settings) {
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        settings.publishCurrent();
    }
}
