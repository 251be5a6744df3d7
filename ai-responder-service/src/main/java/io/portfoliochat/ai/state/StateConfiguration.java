package io.portfoliochat.ai.state;

import io.portfoliochat.events.ChatSettingsChanged;
import io.portfoliochat.events.ConversationUpdated;
import io.portfoliochat.events.DomainEvent;
import io.portfoliochat.events.PortfolioChanged;
import io.portfoliochat.support.kafka.CompactedTopicView;
import io.portfoliochat.support.kafka.CompactedTopicViews;
import io.portfoliochat.support.kafka.TopicNames;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The three compacted topics the assistant rebuilds its state from, read from the beginning on every start. */
@Configuration(proxyBeanMethods = false)
class StateConfiguration {

    @Bean
    AiState aiState() {
        return new AiState();
    }

    @Bean
    CompactedTopicView settingsView(CompactedTopicViews views, TopicNames topics, AiState state) {
        return follow(views.of(topics.settings()), ChatSettingsChanged.class, changed -> state.applySettings(changed.settings()));
    }

    @Bean
    CompactedTopicView portfolioView(CompactedTopicViews views, TopicNames topics, AiState state) {
        return follow(views.of(topics.portfolio()), PortfolioChanged.class, changed -> state.applyPortfolio(changed.portfolio()));
    }

    @Bean
    CompactedTopicView conversationStateView(CompactedTopicViews views, TopicNames topics, AiState state) {
        return follow(views.of(topics.conversationState()), ConversationUpdated.class, state::applyConversation);
    }

    private static <T extends DomainEvent> CompactedTopicView follow(CompactedTopicView view, Class<T> type, Consumer<T> apply) {
        view.addListener(envelope -> {
            if (type.isInstance(envelope.payload())) {
                apply.accept(type.cast(envelope.payload()));
            }
        });
        return view;
    }
}
