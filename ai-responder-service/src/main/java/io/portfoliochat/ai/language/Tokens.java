package io.portfoliochat.ai.language;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns text into comparable tokens: Unicode-normalised, lower case, accents removed, English
 * plurals and possessives and the Indonesian "-nya" suffix folded, so a question and a portfolio
 * fact meet on the same words. Keeps tech names such as {@code c++}, {@code c#} and {@code node.js}.
 */
public final class Tokens {

    private static final Pattern ZERO_WIDTH = Pattern.compile("[\\u200B-\\u200F\\u2060\\uFEFF\\u00AD]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}+#.]+");

    private Tokens() {
    }

    /** NFKC, zero-width characters removed, accents stripped, lower case. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        if (isAscii(text)) {
            // NFKC and NFD leave ASCII as it is, and it has no zero-width characters or combining marks:
            // most questions skip three passes (a third of the offline assistant's time, docs/benchmarks.md).
            return text.toLowerCase(Locale.ROOT);
        }
        String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
        String visible = ZERO_WIDTH.matcher(compatible).replaceAll("");
        String decomposed = Normalizer.normalize(visible, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Surface words (lower case, unfolded), e.g. for stop-word counting. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String raw : SPLIT.split(normalize(text).replace('\'', ' ').replace('’', ' '))) {
            String word = trimDots(raw);
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** Folded tokens for matching; "node.js" also yields "node" and "js". */
    public static List<String> of(String text) {
        List<String> tokens = new ArrayList<>();
        for (String word : words(text)) {
            String folded = fold(word);
            if (!folded.isEmpty()) {
                tokens.add(folded);
            }
            if (word.indexOf('.') > 0) {
                for (String part : word.split("\\.")) {
                    String piece = fold(part);
                    if (!piece.isEmpty() && !piece.equals(folded)) {
                        tokens.add(piece);
                    }
                }
            }
        }
        return tokens;
    }

    /** The comparable form of one lower-case word. */
    public static String fold(String word) {
        String w = trimDots(word);
        if (w.length() > 5 && w.endsWith("nya")) {
            w = w.substring(0, w.length() - 3);
        }
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 4 && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("sses") || w.endsWith("xes"))) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static String trimDots(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && word.charAt(start) == '.') {
            start++;
        }
        while (end > start && word.charAt(end - 1) == '.') {
            end--;
        }
        return word.substring(start, end);
    }
}
