package io.portfoliochat.ai.guard;

import io.portfoliochat.ai.language.Tokens;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a model's output before the visitor sees it: it must not contain the prompt's canary,
 * its section markers, or any run of words copied from the instructions or the owner's private
 * guidance. Built per prompt, from the secrets that prompt contained.
 */
public final class LeakGuard {

    private static final int SHINGLE = 7;
    private static final List<String> MARKERS = List.of("instruksi penting", "context portfolio", "system prompt:",
            "<portfolio>", "</portfolio>", "visitor_message", "owner_guidance", "instruksi tambahan");

    private final String canary;
    private final Set<String> shingles = new HashSet<>();

    public LeakGuard(String canary, List<String> secretTexts) {
        this.canary = canary;
        for (String secret : secretTexts) {
            shingles.addAll(shingles(secret));
        }
    }

    public boolean leaks(String output) {
        if (output == null || output.isBlank()) {
            return false;
        }
        if (canary != null && output.contains(canary)) {
            return true;
        }
        String normal = Tokens.normalize(output);
        if (MARKERS.stream().anyMatch(normal::contains)) {
            return true;
        }
        for (String shingle : shingles(output)) {
            if (shingles.contains(shingle)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> shingles(String text) {
        List<String> words = Tokens.words(text);
        List<String> out = new ArrayList<>();
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            out.add(String.join(" ", words.subList(i, i + SHINGLE)));
        }
        return out;
    }
}
