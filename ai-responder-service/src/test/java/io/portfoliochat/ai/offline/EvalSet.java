package io.portfoliochat.ai.offline;

import io.portfoliochat.events.EventCodec;
import io.portfoliochat.events.Portfolio;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A portfolio with questions and the scoring rules of shared/eval/portfolio-qa-sample.json: every
 * must_include group needs one of its strings (case-insensitive), no must_not_include string may
 * appear (case-insensitive), handoff says whether the reply must be a hand-off, lang the language
 * the reply must be in.
 */
record EvalSet(String name, Portfolio portfolio, List<Question> questions) {

    record Question(String q, String lang, List<List<String>> mustInclude, List<String> mustNotInclude, boolean handoff) {
    }

    record Verdict(boolean passed, String why) {
    }

    private static final EventCodec CODEC = new EventCodec();

    static EvalSet sharedSample() {
        Path file = findUpwards(Path.of("shared", "eval", "portfolio-qa-sample.json"));
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EvalSet resource(String name) {
        try (InputStream in = EvalSet.class.getResourceAsStream("/eval/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource /eval/" + name);
            }
            return read(name, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findUpwards(Path relative) {
        return io.portfoliochat.ai.TestPortfolios.sharedSampleFile();
    }

    private static EvalSet read(String name, InputStream in) throws IOException {
        JsonNode root = CODEC.mapper().readTree(in);
        Portfolio portfolio = CODEC.mapper().treeToValue(root.get("portfolio"), Portfolio.class);
        List<Question> questions = new ArrayList<>();
        for (JsonNode q : root.get("questions")) {
            List<List<String>> include = new ArrayList<>();
            for (JsonNode group : q.get("must_include")) {
                List<String> options = new ArrayList<>();
                group.forEach(option -> options.add(option.asString()));
                include.add(options);
            }
            List<String> exclude = new ArrayList<>();
            q.get("must_not_include").forEach(option -> exclude.add(option.asString()));
            questions.add(new Question(q.get("q").asString(), q.get("lang").asString(), include, exclude,
                    q.get("handoff").asBoolean()));
        }
        return new EvalSet(name, portfolio, questions);
    }

    static Verdict score(Question question, String reply, boolean handedOff) {
        String lower = reply.toLowerCase(Locale.ROOT);
        if (question.handoff() != handedOff) {
            return new Verdict(false, question.handoff() ? "expected a hand-off" : "unexpected hand-off");
        }
        for (List<String> group : question.mustInclude()) {
            if (group.stream().noneMatch(option -> lower.contains(option.toLowerCase(Locale.ROOT)))) {
                return new Verdict(false, "missing one of " + group);
            }
        }
        for (String banned : question.mustNotInclude()) {
            if (lower.contains(banned.toLowerCase(Locale.ROOT))) {
                return new Verdict(false, "contains '" + banned + "'");
            }
        }
        String language = replyLanguage(reply);
        if (!language.equals(question.lang())) {
            return new Verdict(false, "reply is in '" + language + "', expected '" + question.lang() + "'");
        }
        return new Verdict(true, "ok");
    }

    private static final Set<String> EN = Set.of("the", "a", "an", "is", "are", "was", "in", "at", "of", "and", "with",
            "to", "for", "her", "his", "has", "have", "i", "you", "your", "it", "that", "this", "can", "about", "on",
            "as", "so", "i'm", "i've", "don't", "can't", "there", "include", "includes", "works", "enjoys", "based",
            "sorry", "please", "what", "would", "like", "from", "be", "not", "or", "will", "my", "me");
    private static final Set<String> ID = Set.of("yang", "dan", "di", "dengan", "untuk", "adalah", "saya", "anda", "ini",
            "itu", "dari", "ke", "pada", "tidak", "bisa", "sebagai", "juga", "antara", "lain", "tentang", "jadi",
            "sudah", "pernah", "bekerja", "saat", "suka", "luar", "maaf", "silakan", "tetapi", "atau", "akan", "ingin",
            "serta", "seorang", "salah", "satu", "sana", "kami", "ada", "apa", "bahwa", "lewat", "bukan");

    /**
     * The reply's language: its function words outside “typographic quotes” (verbatim portfolio
     * text in the other language), English against Indonesian; more Indonesian ones means "id".
     */
    static String replyLanguage(String reply) {
        String outsideQuotes = reply.replaceAll("“[^”]*”", " ");
        int en = 0;
        int id = 0;
        for (String word : outsideQuotes.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
            if (EN.contains(word)) {
                en++;
            }
            if (ID.contains(word)) {
                id++;
            }
        }
        return id > en ? "id" : "en";
    }
}
