package io.portfoliochat.ai.analysis;

import io.portfoliochat.ai.context.FactIndex;
import io.portfoliochat.ai.context.PortfolioFacts;
import io.portfoliochat.ai.context.ScoredFact;
import io.portfoliochat.ai.guard.InjectionGuard;
import io.portfoliochat.ai.language.Language;
import io.portfoliochat.ai.language.LanguageDetector;
import io.portfoliochat.ai.language.Tokens;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a visitor's message against the portfolio: its language, what the visitor is doing
 * (asking, greeting, asking for a person, trying to inject...), the topics and time it asks about,
 * its subject words and whether the portfolio knows them, and the facts that match. Shared by the
 * offline responder and the LLM provider, so both hand off and refuse on the same grounds.
 */
public final class QuestionAnalyzer {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}+#]+(?:[.'’\\-][\\p{L}\\p{N}+#]+)*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Set<String> CUE_WORDS = Lexicon.cueWords();
    private static final Set<String> SECOND_PERSON = Set.of("you", "your", "yours", "kamu", "anda", "kau", "mu", "u");

    private final Language defaultLanguage;

    public QuestionAnalyzer(Language defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
    }

    /**
     * @param question          the visitor message(s) to answer
     * @param earlierVisitorText earlier visitor messages, newest first (for the language of "ok", "Go?"...)
     */
    public Analysis analyze(String question, List<String> earlierVisitorText, PortfolioFacts facts) {
        String text = question == null ? "" : question;
        Language language = LanguageDetector.detect(text)
                .orElseGet(() -> LanguageDetector.detectLatest(earlierVisitorText, defaultLanguage));
        String padded = padded(text);
        String ownerFirst = facts.ownerFirstName("").toLowerCase(Locale.ROOT);
        boolean greeted = Lexicon.containsAny(padded, Lexicon.GREETINGS);
        boolean thanked = Lexicon.containsAny(padded, Lexicon.THANKS);

        if (InjectionGuard.isInjection(text)) {
            return verdict(text, language, Verdict.REFUSE_INJECTION, Act.INJECTION, greeted, facts);
        }
        if (Lexicon.asksForHuman(padded, ownerFirst)) {
            return verdict(text, language, Verdict.HAND_OFF_HUMAN, Act.HUMAN_REQUEST, greeted, facts);
        }

        Map<Topic, Double> topicScores = Lexicon.topics(padded);
        TimeFilter time = TimeFilter.parse(padded, facts.careers());
        Set<String> ownerTokens = new HashSet<>(Tokens.words(facts.ownerName().orElse("")));
        ownerTokens.addAll(facts.ownerNameTokens());

        FactIndex index = facts.index();
        List<String> knownFocus = new ArrayList<>();
        List<String> unknownKey = new ArrayList<>();
        List<String> unknownOther = new ArrayList<>();
        boolean mentionsOwner = false;
        boolean addressesYou = false;
        boolean sensitive = sensitivePhrase(padded, index);
        Map<String, Double> query = new LinkedHashMap<>();
        for (Word word : words(text)) {
            String lower = word.lower();
            String folded = Tokens.fold(lower);
            if (ownerTokens.contains(lower) || ownerTokens.contains(folded) || Lexicon.OWNER_PRONOUNS.contains(lower)) {
                mentionsOwner = true;
                continue;
            }
            if (lower.length() > 5 && lower.endsWith("nya") && !index.containsExactly(lower)) {
                // Indonesian "-nya" (his/her/its): "hobinya" is "her hobby"
                mentionsOwner = true;
                lower = lower.substring(0, lower.length() - 3);
                folded = Tokens.fold(lower);
            }
            if (SECOND_PERSON.contains(lower)) {
                addressesYou = true;
                continue;
            }
            if (Lexicon.SENSITIVE.contains(lower) && !index.containsExactly(folded)) {
                sensitive = true;
                unknownKey.add(word.original());
                continue;
            }
            Map<String, Double> expansion = index.expand(folded);
            boolean topical = isNotFocus(lower, folded);
            if (!expansion.isEmpty()) {
                double weight = topical ? 0.35 : 1.0;
                expansion.forEach((term, w) -> query.merge(term, w * weight, Double::sum));
                if (!topical) {
                    knownFocus.add(folded);
                }
            } else if (!topical && !isNumber(lower)) {
                if (looksLikeNamedThing(word)) {
                    unknownKey.add(word.original());
                } else {
                    unknownOther.add(word.original());
                }
            }
        }
        List<ScoredFact> matches = index.search(query);
        List<Topic> topics = rank(topicScores, !knownFocus.isEmpty());
        boolean aboutOwner = mentionsOwner || !topics.isEmpty() || addressesYou;

        Verdict verdict;
        Act act;
        if (Lexicon.asksForContact(padded)) {
            verdict = Verdict.SMALL_TALK;
            act = Act.CONTACT;
        } else if (sensitive) {
            verdict = Verdict.HAND_OFF_UNKNOWN;
            act = Act.QUESTION;
        } else if (Lexicon.asksIfBot(padded) && knownFocus.isEmpty() && topicScores.getOrDefault(Topic.SKILLS, 0.0) < 1) {
            verdict = Verdict.SMALL_TALK;
            act = Act.BOT_QUESTION;
        } else if (Lexicon.asksForOffTopicTask(padded) && !mentionsOwner) {
            verdict = Verdict.DECLINE_OFF_TOPIC;
            act = Act.OFF_TOPIC;
        } else if (!unknownKey.isEmpty()) {
            verdict = aboutOwner ? Verdict.HAND_OFF_UNKNOWN : Verdict.DECLINE_OFF_TOPIC;
            act = aboutOwner ? Act.QUESTION : Act.OFF_TOPIC;
        } else if (!topics.isEmpty() || !knownFocus.isEmpty()) {
            verdict = Verdict.ANSWER;
            act = Act.QUESTION;
        } else if (!unknownOther.isEmpty() && !(greeted || thanked) ) {
            verdict = aboutOwner ? Verdict.HAND_OFF_UNKNOWN : Verdict.DECLINE_OFF_TOPIC;
            act = aboutOwner ? Act.QUESTION : Act.OFF_TOPIC;
            unknownKey.addAll(unknownOther);
        } else if (greeted) {
            verdict = Verdict.SMALL_TALK;
            act = Act.GREETING;
        } else if (thanked) {
            verdict = Verdict.SMALL_TALK;
            act = Act.THANKS;
        } else if (mentionsOwner) {
            verdict = Verdict.ANSWER;
            act = Act.QUESTION;
            topics = List.of(Topic.ABOUT);
        } else {
            verdict = Verdict.CLARIFY;
            act = Act.UNCLEAR;
        }
        return new Analysis(text, language, verdict, act, greeted, topics, time, dedupe(knownFocus), dedupe(unknownKey),
                mentionsOwner, matches, facts);
    }

    private Analysis verdict(String text, Language language, Verdict verdict, Act act, boolean greeted, PortfolioFacts facts) {
        return new Analysis(text, language, verdict, act, greeted, List.of(), TimeFilter.none(), List.of(), List.of(), false,
                List.of(), facts);
    }

    private static boolean sensitivePhrase(String padded, FactIndex index) {
        for (String phrase : Lexicon.SENSITIVE) {
            if (phrase.contains(" ") && padded.contains(" " + phrase + " ")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNotFocus(String lower, String folded) {
        return LanguageDetector.isFunctionWord(lower) || Lexicon.FILLER.contains(lower) || CUE_WORDS.contains(lower)
                || CUE_WORDS.contains(folded) || Lexicon.GREETINGS.contains(lower) || Lexicon.THANKS.contains(lower)
                || lower.length() < 2 && !Lexicon.TECHNOLOGIES.contains(lower);
    }

    private static boolean isNumber(String word) {
        return word.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ',');
    }

    /** A technology, or a name written with capitals or digits mid-sentence: a real subject, not filler. */
    private static boolean looksLikeNamedThing(Word word) {
        String original = word.original();
        if (Lexicon.TECHNOLOGIES.contains(word.lower())) {
            return true;
        }
        boolean innerCapital = original.length() > 1 && original.substring(1).chars().anyMatch(Character::isUpperCase);
        boolean capitalised = Character.isUpperCase(original.charAt(0)) && !word.sentenceStart();
        boolean technical = original.chars().anyMatch(c -> c == '+' || c == '#') || original.chars().anyMatch(Character::isDigit);
        return innerCapital || capitalised || technical;
    }

    /** Strongest first, ABOUT last; weak cues alone ("where", "before") count only when nothing else does. */
    private static List<Topic> rank(Map<Topic, Double> scores, boolean hasSubject) {
        List<Topic> ranked = new ArrayList<>(scores.keySet());
        ranked.removeIf(topic -> scores.get(topic) < 0.6 && topic != Topic.LOCATION);
        ranked.removeIf(topic -> topic == Topic.LOCATION && scores.get(topic) < 1.0 && (hasSubject
                || scores.keySet().stream().anyMatch(other -> other != Topic.LOCATION && scores.get(other) >= 1.0)));
        ranked.sort(Comparator.comparing((Topic topic) -> topic == Topic.ABOUT)
                .thenComparing(Comparator.comparingDouble((Topic topic) -> scores.get(topic)).reversed()));
        return ranked;
    }

    private static List<String> dedupe(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }

    /** Normalised text with punctuation turned into spaces and a space at both ends, for phrase cues. */
    static String padded(String text) {
        String normal = Tokens.normalize(text)
                .replaceAll("(?<![\\p{L}\\p{N}])\\.|\\.(?![\\p{L}\\p{N}])", " ")
                .replaceAll("[^\\p{L}\\p{N}+#.%]+", " ")
                .replaceAll("\\s+", " ")
                .trim();
        return " " + normal + " ";
    }

    static List<Word> words(String text) {
        String cased = Normalizer.normalize(Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replaceAll("[\\u200B-\\u200F\\u2060\\uFEFF\\u00AD]", ""), Normalizer.Form.NFD);
        cased = MARKS.matcher(cased).replaceAll("");
        List<Word> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(cased);
        int previousEnd = 0;
        boolean first = true;
        while (matcher.find()) {
            String between = cased.substring(previousEnd, matcher.start());
            boolean sentenceStart = first || between.matches("(?s).*[.!?:\\n]\\s*\\W*");
            String original = matcher.group().replaceAll("['’]s$", "");
            for (String part : original.split("-")) {
                if (!part.isEmpty()) {
                    words.add(new Word(part, part.toLowerCase(Locale.ROOT), sentenceStart));
                }
            }
            previousEnd = matcher.end();
            first = false;
        }
        return words;
    }

    record Word(String original, String lower, boolean sentenceStart) {
    }
}
