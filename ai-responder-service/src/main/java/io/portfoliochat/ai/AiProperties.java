package io.portfoliochat.ai;

import io.portfoliochat.ai.language.Language;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the assistant service (the owner's live chat settings come from the settings topic).
 *
 * @param provider           {@code offline} or {@code openai}; by default openai when OPENAI_API_KEY is set
 * @param defaultLanguage    language of a conversation whose messages don't reveal one
 * @param burstWindow        how long to wait for more messages from the same visitor before answering them together;
 *                           by default 250 ms with a remote model (a reply takes seconds and costs a call) and none
 *                           offline (a reply takes a millisecond; messages that arrive while one is being written
 *                           are still answered together)
 * @param workers            threads generating replies (one conversation is only ever on one of them at a time)
 * @param maxPendingMessages visitor messages accepted but not yet answered, before the consumer waits
 * @param historySize        messages of a conversation kept as context
 * @param maxConversations   conversations whose history is kept in memory
 * @param chatServiceUrl     chat-service base URL for the recent-messages fallback
 * @param chatServiceTimeout how long to wait for chat-service
 * @param chunkInterval      partial text is sent to the visitor at most this often
 * @param openai             the LLM provider's limits and resilience
 */
@ConfigurationProperties("portfoliochat.ai")
public record AiProperties(
        String provider,
        Language defaultLanguage,
        Duration burstWindow,
        Integer workers,
        Integer maxPendingMessages,
        Integer historySize,
        Integer maxConversations,
        String chatServiceUrl,
        Duration chatServiceTimeout,
        Duration chunkInterval,
        OpenAi openai) {

    public AiProperties {
        provider = provider == null || provider.isBlank() ? "offline" : provider.trim().toLowerCase(java.util.Locale.ROOT);
        defaultLanguage = defaultLanguage == null ? Language.EN : defaultLanguage;
        burstWindow = burstWindow != null ? burstWindow : "openai".equals(provider) ? Duration.ofMillis(250) : Duration.ZERO;
        workers = workers == null || workers < 1 ? 8 : workers;
        maxPendingMessages = maxPendingMessages == null || maxPendingMessages < 1 ? 1000 : maxPendingMessages;
        historySize = historySize == null || historySize < 1 ? 10 : historySize;
        maxConversations = maxConversations == null || maxConversations < 1 ? 10_000 : maxConversations;
        chatServiceUrl = chatServiceUrl == null || chatServiceUrl.isBlank() ? "http://localhost:8081" : chatServiceUrl;
        chatServiceTimeout = chatServiceTimeout == null ? Duration.ofSeconds(2) : chatServiceTimeout;
        chunkInterval = chunkInterval == null ? Duration.ofMillis(50) : chunkInterval;
        openai = openai == null ? new OpenAi(null, null, null, null, null, null, null, null, null) : openai;
    }

    public boolean openAiSelected() {
        return "openai".equals(provider);
    }

    /**
     * @param timeout                    the most one reply may take end to end, retries included
     * @param firstTokenTimeout          how long to wait for the first streamed token
     * @param maxAttempts                attempts per reply (retried only before any text reached the visitor)
     * @param retryBackoff               first wait between attempts, doubled each time
     * @param failureRateThreshold       % of failed calls that opens the circuit
     * @param slidingWindow              calls the failure rate is computed over
     * @param openCircuitFor             how long an open circuit fails fast before trying again
     * @param maxTokens                  upper bound of a reply's length
     * @param handOffWhenNothingMatches  hand off without calling the model when retrieval says the portfolio cannot answer
     */
    public record OpenAi(Duration timeout, Duration firstTokenTimeout, Integer maxAttempts, Duration retryBackoff,
                         Float failureRateThreshold, Integer slidingWindow, Duration openCircuitFor, Integer maxTokens,
                         Boolean handOffWhenNothingMatches) {

        public OpenAi {
            timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
            firstTokenTimeout = firstTokenTimeout == null ? Duration.ofSeconds(10) : firstTokenTimeout;
            maxAttempts = maxAttempts == null || maxAttempts < 1 ? 3 : maxAttempts;
            retryBackoff = retryBackoff == null ? Duration.ofMillis(500) : retryBackoff;
            failureRateThreshold = failureRateThreshold == null ? 50f : failureRateThreshold;
            slidingWindow = slidingWindow == null || slidingWindow < 2 ? 10 : slidingWindow;
            openCircuitFor = openCircuitFor == null ? Duration.ofSeconds(30) : openCircuitFor;
            maxTokens = maxTokens == null || maxTokens < 16 ? 400 : maxTokens;
            handOffWhenNothingMatches = handOffWhenNothingMatches == null || handOffWhenNothingMatches;
        }
    }
}
