package io.portfoliochat.chat.settings;

import io.portfoliochat.support.kafka.CompactedTopicView;
import io.portfoliochat.support.kafka.CompactedTopicViews;
import io.portfoliochat.support.kafka.TopicNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SettingsConfiguration {

    @Bean
    CompactedTopicView settingsView(CompactedTopicViews views, TopicNames topicNames) {
        return views.of(topicNames.settings());
    }
}
