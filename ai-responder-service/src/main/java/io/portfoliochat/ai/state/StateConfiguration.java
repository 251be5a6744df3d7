package io.portfoliochat.ai.state;

import io.portfoliochat.events.ChatSettingsChanged;
import io.portfoliochat.events.ConversationUpdated;
import io.portfoliochat.events.PortfolioChanged;
import io.portfoliochat.support.kafka.CompactedTopicView;
import io.portfoliochat.support.kafka.CompactedTopicViews;
import io.portfoliochat.support.kafka.TopicNames;
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
        CompactedTopicView view = views.of(topics.settings());
        view.addListener(envelope -> {
            if (envelope.payload() instanceof ChatSettingsChanged changed) {
                state.applySettings(changed.settings());
            }
        });
        return view;
    }

    @Bean
    CompactedTopicView portfolioView(CompactedTopicViews views, TopicNames topics, AiState state) {
        CompactedTopicView view = views.of(topics.portfolio());
        view.addListener(envelope -> {
            if (envelope.payload() instanceof PortfolioChanged changed) {
                state.applyPortfolio(changed.portfolio());
            }
        });
        return view;
    }

    @Bean
    CompactedTopicView conversationStateView(CompactedTopicViews views, TopicNames topics, AiState state) {
        CompactedTopicView view = views.of(topics.conversationState());
        view.addListener(envelope -> {
            if (envelope.payload() instanceof ConversationUpdated updated) {
                state.applyConversation(updated);
            }
        });
        return view;
    }
}
