package io.portfoliochat.events;

import java.util.List;

/**
 * How an AI reply was made.
 *
 * @param provider "openai", "offline", ...
 * @param sources  the portfolio facts the reply was built from
 */
public record AiReplyMetadata(
        String provider,
        String model,
        Integer promptTokens,
        Integer completionTokens,
        Integer totalTokens,
        Long latencyMs,
        List<String> sources) {

    public AiReplyMetadata {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
