package io.portfoliochat.ai.analysis;

import io.portfoliochat.ai.context.CareerSpan;
import io.portfoliochat.ai.language.Language;
import io.portfoliochat.ai.language.Tokens;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time restriction in a question ("before 2022", "sebelum Tokoloka", "now", "first job") applied
 * to the career entries, so the answer names the right employer instead of all of them.
 */
public record TimeFilter(Kind kind, int year, int entryIndex, String anchorLabel) {

    public enum Kind { NONE, BEFORE_YEAR, AFTER_YEAR, IN_YEAR, BEFORE_ENTRY, AFTER_ENTRY, CURRENT, FIRST, PREVIOUS }

    private static final String BEFORE = "(before|prior to|until|earlier than|pre|sebelum|sebelumnya|sampai|hingga)";
    private static final String AFTER = "(after|since|later than|following|setelah|sesudah|sejak|semenjak)";
    private static final Pattern BEFORE_YEAR = Pattern.compile(" " + BEFORE + " (tahun )?((19|20)\\d{2}) ");
    private static final Pattern AFTER_YEAR = Pattern.compile(" " + AFTER + " (tahun )?((19|20)\\d{2}) ");
    private static final Pattern IN_YEAR = Pattern.compile(" ((19|20)\\d{2}) ");
    private static final Pattern CURRENT = Pattern.compile(
            " (current|currently|now|nowadays|present|presently|today|these days|right now|at the moment|sekarang|saat ini|kini|"
                    + "skrg|sekarang ini|lagi di mana|masih) ");
    private static final Pattern FIRST = Pattern.compile(" (first|earliest|pertama|awal karier|awal karir|paling awal) ");
    private static final Pattern PREVIOUS = Pattern.compile(
            " (previous|previously|last job|former|before that|sebelumnya|terakhir sebelum|dulu|dahulu) ");

    public static TimeFilter none() {
        return new TimeFilter(Kind.NONE, 0, -1, null);
    }

    /** Reads a time restriction from padded normalised text. */
    static TimeFilter parse(String padded, List<CareerSpan> careers) {
        Matcher before = BEFORE_YEAR.matcher(padded);
        if (before.find()) {
            return new TimeFilter(Kind.BEFORE_YEAR, Integer.parseInt(before.group(3)), -1, before.group(3));
        }
        Matcher after = AFTER_YEAR.matcher(padded);
        if (after.find()) {
            return new TimeFilter(Kind.AFTER_YEAR, Integer.parseInt(after.group(3)), -1, after.group(3));
        }
        Optional<TimeFilter> relative = relativeToEntry(padded, careers);
        if (relative.isPresent()) {
            return relative.get();
        }
        Matcher in = IN_YEAR.matcher(padded);
        if (in.find()) {
            return new TimeFilter(Kind.IN_YEAR, Integer.parseInt(in.group(1)), -1, in.group(1));
        }
        if (FIRST.matcher(padded).find()) {
            return new TimeFilter(Kind.FIRST, 0, -1, null);
        }
        if (PREVIOUS.matcher(padded).find()) {
            return new TimeFilter(Kind.PREVIOUS, 0, -1, null);
        }
        if (CURRENT.matcher(padded).find()) {
            return new TimeFilter(Kind.CURRENT, 0, -1, null);
        }
        return none();
    }

    private static Optional<TimeFilter> relativeToEntry(String padded, List<CareerSpan> careers) {
        for (CareerSpan span : careers) {
            if (span.company() == null || span.company().isBlank()) {
                continue;
            }
            String company = String.join(" ", Tokens.words(span.company()));
            String firstWord = company.split(" ")[0];
            for (String name : List.of(company, firstWord)) {
                if (name.length() < 3) {
                    continue;
                }
                if (Pattern.compile(" " + BEFORE + " (joining |bergabung (di|dengan|ke) |masuk |di |at )?" + Pattern.quote(name) + " ")
                        .matcher(padded).find()) {
                    return Optional.of(new TimeFilter(Kind.BEFORE_ENTRY, 0, span.index(), span.company()));
                }
                if (Pattern.compile(" " + AFTER + " (leaving |keluar dari |dari |di |at )?" + Pattern.quote(name) + " ")
                        .matcher(padded).find()) {
                    return Optional.of(new TimeFilter(Kind.AFTER_ENTRY, 0, span.index(), span.company()));
                }
            }
        }
        return Optional.empty();
    }

    public boolean active() {
        return kind != Kind.NONE;
    }

    /** The career entries the restriction keeps, most recent first; all of them when there is none. */
    public List<CareerSpan> apply(List<CareerSpan> careers) {
        List<CareerSpan> newestFirst = careers.stream()
                .sorted(Comparator.comparingInt(CareerSpan::start).reversed().thenComparingInt(CareerSpan::index))
                .toList();
        return switch (kind) {
            case NONE -> newestFirst;
            case BEFORE_YEAR -> newestFirst.stream().filter(span -> span.known() && span.start() < year).toList();
            case AFTER_YEAR -> newestFirst.stream().filter(span -> span.known() && span.end() >= year).toList();
            case IN_YEAR -> newestFirst.stream().filter(span -> span.covers(year)).toList();
            case BEFORE_ENTRY -> anchor(careers).map(anchor -> newestFirst.stream()
                    .filter(span -> span.index() != anchor.index() && span.known() && span.start() < anchor.start()).toList())
                    .orElse(List.of());
            case AFTER_ENTRY -> anchor(careers).map(anchor -> newestFirst.stream()
                    .filter(span -> span.index() != anchor.index() && span.known() && span.start() > anchor.start()).toList())
                    .orElse(List.of());
            case CURRENT -> {
                List<CareerSpan> ongoing = newestFirst.stream().filter(CareerSpan::ongoing).toList();
                yield ongoing.isEmpty() ? newestFirst.stream().limit(1).toList() : ongoing;
            }
            case FIRST -> newestFirst.isEmpty() ? List.of() : List.of(newestFirst.get(newestFirst.size() - 1));
            case PREVIOUS -> newestFirst.stream().skip(1).limit(1).toList();
        };
    }

    private Optional<CareerSpan> anchor(List<CareerSpan> careers) {
        return careers.stream().filter(span -> span.index() == entryIndex).findFirst();
    }

    /** A lead-in for the answer, e.g. "Before 2022" / "Sebelum 2022"; empty for none and current. */
    public Optional<String> leadIn(Language language) {
        boolean id = language == Language.ID;
        return switch (kind) {
            case BEFORE_YEAR, BEFORE_ENTRY -> Optional.of((id ? "Sebelum " : "Before ") + anchorLabel);
            case AFTER_YEAR -> Optional.of((id ? "Sejak " : "Since ") + anchorLabel);
            case AFTER_ENTRY -> Optional.of((id ? "Setelah " : "After ") + anchorLabel);
            case IN_YEAR -> Optional.of((id ? "Pada " : "In ") + anchorLabel);
            default -> Optional.empty();
        };
    }
}
