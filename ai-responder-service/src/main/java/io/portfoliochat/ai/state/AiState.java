package io.portfoliochat.ai.state;

import io.portfoliochat.ai.context.PortfolioFacts;
import io.portfoliochat.events.ChatSettings;
import io.portfoliochat.events.ConversationStatus;
import io.portfoliochat.events.ConversationUpdated;
import io.portfoliochat.events.Portfolio;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the assistant knows of the world it does not own: the owner's settings, the portfolio, and
 * each conversation's status and AI handling. Fed by the compacted topics (read from the
 * beginning on start) and by {@code conversation.updated} events on the conversation topic,
 * whichever arrives first; the newest update of a conversation wins.
 */
public class AiState {

    private volatile ChatSettings settings = ChatSettings.defaults();
    private volatile PortfolioFacts portfolio = PortfolioFacts.of(Portfolio.empty());
    private final Map<Long, ConversationUpdated> conversations = new ConcurrentHashMap<>();
    private final List<Consumer<ConversationUpdated>> conversationListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ChatSettings>> settingsListeners = new CopyOnWriteArrayList<>();

    public ChatSettings settings() {
        return settings;
    }

    public PortfolioFacts portfolio() {
        return portfolio;
    }

    public Optional<ConversationUpdated> conversation(long conversationId) {
        return Optional.ofNullable(conversations.get(conversationId));
    }

    /**
     * The decision rules: the owner has the assistant switched on, and the conversation is active
     * and AI-handled. A conversation nobody changed yet is active and AI-handled.
     */
    public AnswerDecision decide(long conversationId) {
        if (!settings.aiEnabled()) {
            return AnswerDecision.refused("AI replies are switched off in the settings");
        }
        return decideIgnoringSettings(conversationId);
    }

    /** The conversation part of the rules only (an admin asking for a reply on demand overrides the global switch). */
    public AnswerDecision decideIgnoringSettings(long conversationId) {
        ConversationUpdated state = conversations.get(conversationId);
        if (state == null) {
            return AnswerDecision.ALLOWED;
        }
        if (state.status() != null && state.status() != ConversationStatus.ACTIVE) {
            return AnswerDecision.refused("the conversation is " + state.status().wireName());
        }
        if (!state.aiHandled()) {
            return AnswerDecision.refused("the admin has taken the conversation over");
        }
        return AnswerDecision.ALLOWED;
    }

    public void applySettings(ChatSettings changed) {
        if (changed == null) {
            return;
        }
        settings = changed;
        settingsListeners.forEach(listener -> listener.accept(changed));
    }

    public void applyPortfolio(Portfolio changed) {
        portfolio = PortfolioFacts.of(changed);
    }

    public void applyConversation(ConversationUpdated update) {
        ConversationUpdated merged = conversations.merge(update.conversationId(), update, (current, candidate) ->
                current.updatedAt() != null && candidate.updatedAt() != null && candidate.updatedAt().isBefore(current.updatedAt())
                        ? current : candidate);
        if (merged == update) {
            conversationListeners.forEach(listener -> listener.accept(update));
        }
    }

    public void onConversationChange(Consumer<ConversationUpdated> listener) {
        conversationListeners.add(listener);
    }

    public void onSettingsChange(Consumer<ChatSettings> listener) {
        settingsListeners.add(listener);
    }
}
