package io.portfoliochat.ai.offline;

import static io.portfoliochat.ai.offline.Phrasing.article;
import static io.portfoliochat.ai.offline.Phrasing.list;
import static io.portfoliochat.ai.offline.Phrasing.pick;
import static io.portfoliochat.ai.offline.Phrasing.sentence;
import static io.portfoliochat.ai.offline.Phrasing.verbatim;

import io.portfoliochat.ai.analysis.Analysis;
import io.portfoliochat.ai.analysis.TimeFilter;
import io.portfoliochat.ai.analysis.Topic;
import io.portfoliochat.ai.context.CareerSpan;
import io.portfoliochat.ai.context.FactType;
import io.portfoliochat.ai.context.PortfolioFact;
import io.portfoliochat.ai.context.PortfolioFacts;
import io.portfoliochat.ai.context.ScoredFact;
import io.portfoliochat.ai.language.Language;
import io.portfoliochat.ai.language.Tokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes an answer from the facts that match a question: templates per topic and fact type, in
 * the visitor's language, at most four sentences, quoting names, companies, years and
 * descriptions exactly as the portfolio has them. It only ever states what a fact says; when the
 * facts do not answer the question it returns nothing, and the caller hands off.
 */
final class AnswerComposer {

    static final int MAX_SENTENCES = 4;
    private static final Pattern YES_NO = Pattern.compile(
            "^\\W*(does|do|did|is|are|was|were|has|have|had|can|could|would|will|apakah|apa dia|apa ia|pernahkah|bisakah|"
                    + "sudahkah|adakah)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOW_LONG = Pattern.compile(
            "how (many|much) years|how long|berapa (tahun|lama)|sudah berapa", Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile(
            "\\b(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|satu|dua|tiga|empat|lima|"
                    + "enam|tujuh|delapan|sembilan|sepuluh)\\+?\\s+(years?|tahun)\\b", Pattern.CASE_INSENSITIVE);
    private static final Set<String> EDUCATION_TERMS = Set.of("university", "universitas", "college", "degree", "bachelor",
            "master", "phd", "graduated", "graduate", "lulus", "lulusan", "sarjana", "kuliah", "diploma", "school", "sekolah",
            "studied", "study", "jurusan", "certification", "certified", "sertifikasi", "bootcamp", "course", "kampus",
            "institute", "institut", "s1", "s2", "b.sc", "m.sc", "bsc", "msc");

    private final Analysis analysis;
    private final PortfolioFacts facts;
    private final Language lang;
    private final String first;
    private final List<String> sentences = new ArrayList<>();
    private final Set<String> sources = new LinkedHashSet<>();

    private AnswerComposer(Analysis analysis) {
        this.analysis = analysis;
        this.facts = analysis.facts();
        this.lang = analysis.language();
        this.first = facts.ownerFirstName(pick(lang, "The portfolio owner", "Pemilik portofolio"));
    }

    /** The answer, or empty when the portfolio has nothing that answers the question. */
    static Optional<Composition> compose(Analysis analysis) {
        AnswerComposer composer = new AnswerComposer(analysis);
        if (!composer.answer() || composer.sentences.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(composer.composition());
    }

    private Composition composition() {
        List<String> kept = sentences.subList(0, Math.min(MAX_SENTENCES, sentences.size()));
        StringBuilder text = new StringBuilder();
        if (analysis.greeted()) {
            text.append(pick(lang, "Hi! ", "Halo! "));
        }
        text.append(String.join(" ", kept.stream().map(Phrasing::sentence).toList()));
        return new Composition(text.toString(), List.copyOf(sources));
    }

    private boolean answer() {
        Optional<Topic> primary = analysis.primaryTopic();
        boolean hasSubject = !analysis.knownFocus().isEmpty() && !analysis.matches().isEmpty();
        if (primary.isEmpty()) {
            return hasSubject ? aboutMatches() : overview();
        }
        return switch (primary.get()) {
            case LOCATION -> location();
            case HOBBIES -> hobbies();
            case VALUES -> values();
            case EDUCATION -> education();
            case ACHIEVEMENTS -> achievements();
            case PROJECTS -> projects();
            case SKILLS -> skills();
            case EXPERIENCE -> experience();
            case ABOUT -> hasSubject ? aboutMatches() : overview();
        };
    }

    // --- topics ---------------------------------------------------------------------------------

    private boolean location() {
        Optional<PortfolioFact> location = facts.byId("about.location");
        if (location.isEmpty()) {
            return false;
        }
        add(location.get(), pick(lang, first + " is based in " + location.get().title(),
                first + " berdomisili di " + location.get().title()));
        return true;
    }

    private boolean hobbies() {
        Optional<PortfolioFact> interests = facts.byId("about.interests");
        if (interests.isEmpty()) {
            return false;
        }
        String items = list(lang, interests.get().items());
        add(interests.get(), pick(lang, "Outside work, " + first + " enjoys " + items,
                "Di luar pekerjaan, " + first + " suka " + items));
        return true;
    }

    private boolean values() {
        List<PortfolioFact> values = facts.ofType(FactType.VALUE);
        if (values.isEmpty()) {
            return false;
        }
        List<String> titles = values.stream().map(PortfolioFact::title).filter(title -> title != null).toList();
        add(null, pick(lang, first + "'s core values are " + list(lang, titles),
                "Nilai-nilai utama yang dipegang " + first + " adalah " + list(lang, titles)));
        for (PortfolioFact value : values.subList(0, Math.min(3, values.size()))) {
            if (value.detail() != null) {
                add(value, value.title() + ": " + verbatim(lang, value.detail()));
            } else {
                sources.add(value.id());
            }
        }
        return true;
    }

    private boolean education() {
        List<PortfolioFact> found = facts.all().stream()
                .filter(fact -> Tokens.of(fact.searchText()).stream().anyMatch(EDUCATION_TERMS::contains))
                .limit(2).toList();
        if (found.isEmpty()) {
            return false;
        }
        found.forEach(this::describe);
        return true;
    }

    private boolean achievements() {
        List<PortfolioFact> bullets = facts.ofType(FactType.ACHIEVEMENT);
        Set<Integer> careers = careersInFocus();
        List<PortfolioFact> chosen = bullets.stream()
                .filter(bullet -> careers.isEmpty() || careers.contains(bullet.careerIndex()))
                .limit(3).toList();
        if (chosen.isEmpty()) {
            return false;
        }
        List<String> parts = new ArrayList<>();
        for (PortfolioFact bullet : chosen) {
            String where = facts.career(bullet.careerIndex()).map(CareerSpan::company).orElse(null);
            parts.add(verbatim(lang, bullet.detail().replaceAll("\\.$", ""))
                    + (where == null ? "" : pick(lang, " (at " + where + ")", " (di " + where + ")")));
            sources.add(bullet.id());
        }
        sentences.add(pick(lang, "Some highlights from " + first + "'s career: ", "Beberapa pencapaian " + first + ": ")
                + String.join("; ", parts));
        return true;
    }

    private boolean projects() {
        List<PortfolioFact> projectMatches = matchesOfType(FactType.PROJECT, FactType.KEY_PROJECT);
        if (!projectMatches.isEmpty() && !analysis.knownFocus().isEmpty() && careersInFocus().isEmpty()) {
            projectMatches.stream().limit(2).forEach(this::describe);
            return true;
        }
        Set<Integer> careers = careersInFocus();
        Set<Integer> inTime = careerIndexes(yearFilterOnly());
        List<PortfolioFact> projects = new ArrayList<>(facts.ofType(FactType.PROJECT));
        List<PortfolioFact> keyProjects = new ArrayList<>(facts.ofType(FactType.KEY_PROJECT));
        projects.removeIf(project -> !careers.isEmpty() && !careers.contains(project.careerIndex())
                || !inTime.contains(project.careerIndex()) && project.inCareer());
        keyProjects.removeIf(project -> !careers.isEmpty() && !careers.contains(project.careerIndex())
                || !inTime.contains(project.careerIndex()) && project.inCareer());
        if (projects.isEmpty() && keyProjects.isEmpty()) {
            return false;
        }
        Map<Integer, List<String>> byCareer = new LinkedHashMap<>();
        for (PortfolioFact project : projects) {
            String label = project.title() + (project.detail() == null ? "" : " (" + project.detail() + ")");
            byCareer.computeIfAbsent(project.careerIndex(), ignored -> new ArrayList<>()).add(label);
            sources.add(project.id());
        }
        List<String> groups = new ArrayList<>();
        byCareer.forEach((career, labels) -> groups.add(list(lang, labels)
                + facts.career(career).map(span -> pick(lang, " at ", " di ") + span.company()).orElse("")));
        String lead = leadIn();
        if (!groups.isEmpty()) {
            String joined = String.join(pick(lang, ", and ", ", serta "), groups);
            sentences.add(lead + pick(lang, first + "'s projects include " + joined,
                    "Proyek yang pernah dikerjakan " + first + " antara lain " + joined));
        }
        if (!keyProjects.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (PortfolioFact key : keyProjects.subList(0, Math.min(4, keyProjects.size()))) {
                names.add(verbatim(lang, key.title()) + facts.career(key.careerIndex())
                        .map(span -> " (" + span.company() + ")").orElse(""));
                sources.add(key.id());
            }
            sentences.add((groups.isEmpty() ? lead : "")
                    + pick(lang, (groups.isEmpty() ? first + "'s key projects are " : "Key projects: ") + list(lang, names),
                    (groups.isEmpty() ? "Proyek utama " + first + " adalah " : "Proyek utamanya: ") + list(lang, names)));
        }
        return true;
    }

    private boolean skills() {
        if (!analysis.knownFocus().isEmpty()) {
            if (techAnswer()) {
                return true;
            }
            if (!analysis.matches().isEmpty()) {
                return aboutMatches();
            }
        }
        List<PortfolioFact> techs = facts.ofType(FactType.TECH);
        if (techs.isEmpty()) {
            Set<String> fromRoles = new LinkedHashSet<>();
            facts.ofType(FactType.CAREER).forEach(career -> {
                fromRoles.addAll(career.items());
                sources.add(career.id());
            });
            if (fromRoles.isEmpty()) {
                return false;
            }
            sentences.add(pick(lang, first + " has worked with " + list(lang, List.copyOf(fromRoles)),
                    first + " pernah menggunakan " + list(lang, List.copyOf(fromRoles))));
            return true;
        }
        List<String> titles = techs.stream().map(PortfolioFact::title).toList();
        techs.forEach(tech -> sources.add(tech.id()));
        sentences.add(pick(lang, first + "'s tech stack includes " + list(lang, titles),
                "Tech stack yang dikuasai " + first + " antara lain " + list(lang, titles)));
        Set<String> others = new LinkedHashSet<>();
        facts.ofType(FactType.CAREER).forEach(career -> career.items().stream()
                .filter(item -> titles.stream().noneMatch(title -> sameTech(title, item))).forEach(others::add));
        if (!others.isEmpty()) {
            sentences.add(pick(lang, "At work, " + first + " has also used " + list(lang, List.copyOf(others)),
                    "Dalam pekerjaannya, " + first + " juga pernah memakai " + list(lang, List.copyOf(others))));
        }
        techs.stream().limit(2).filter(tech -> tech.detail() != null).forEach(tech ->
                sentences.add(tech.title() + ": " + verbatim(lang, tech.detail())));
        return true;
    }

    private boolean experience() {
        if (HOW_LONG.matcher(analysis.question()).find() && analysis.knownFocus().isEmpty() && howLong()) {
            return true;
        }
        if (!analysis.knownFocus().isEmpty()) {
            Optional<ScoredFact> top = top();
            if (top.isPresent() && top.get().fact().type() == FactType.TECH && techAnswer()) {
                return true;
            }
            Set<Integer> careers = careersInFocus();
            if (!careers.isEmpty() && !analysis.time().active()) {
                careers.stream().limit(2).forEach(index -> facts.byId("career[" + index + "]").ifPresent(this::describe));
                return true;
            }
            if (careers.isEmpty() && top.isPresent() && !analysis.time().active()) {
                return aboutMatches();
            }
        }
        List<CareerSpan> spans = analysis.time().apply(facts.careers());
        if (spans.isEmpty()) {
            return false;
        }
        if (spans.size() == 1) {
            CareerSpan span = spans.get(0);
            facts.byId("career[" + span.index() + "]").ifPresent(fact -> describeCareer(fact, span, leadIn()));
            return true;
        }
        List<String> roles = new ArrayList<>();
        for (CareerSpan span : spans.subList(0, Math.min(4, spans.size()))) {
            roles.add(pick(lang, span.role() + " at " + span.company() + " (" + span.period() + ")",
                    span.role() + " di " + span.company() + " (" + span.period() + ")"));
            sources.add("career[" + span.index() + "]");
        }
        sentences.add(leadIn() + pick(lang, first + " has worked as " + String.join(", and as ", roles),
                first + " pernah bekerja sebagai " + String.join(", dan sebagai ", roles)));
        CareerSpan latest = spans.get(0);
        facts.byId("career[" + latest.index() + "]").filter(fact -> fact.detail() != null).ifPresent(fact ->
                sentences.add(pick(lang, "At " + latest.company() + ": ", "Di " + latest.company() + ": ")
                        + verbatim(lang, fact.detail())));
        return true;
    }

    /** "How many years of experience?": the portfolio's own words about it, and where the career starts. */
    private boolean howLong() {
        Optional<PortfolioFact> statement = facts.all().stream()
                .filter(fact -> fact.detail() != null && DURATION.matcher(fact.detail()).find())
                .filter(fact -> fact.type() == FactType.NARRATIVE || fact.type() == FactType.CAREER)
                .findFirst();
        Optional<CareerSpan> earliest = facts.careers().stream().filter(CareerSpan::known)
                .min(java.util.Comparator.comparingInt(CareerSpan::start));
        if (statement.isEmpty() && earliest.isEmpty()) {
            return false;
        }
        statement.ifPresent(fact -> add(fact, pick(lang, "In " + possessive() + " own words: ", "Dalam portofolionya, " + first
                + " menulis: ") + "“" + fact.detail().replaceAll("\\.$", "") + "”"));
        earliest.ifPresent(span -> {
            sources.add("career[" + span.index() + "]");
            sentences.add(pick(lang, first + "'s career in the portfolio starts in " + span.start() + ", as " + span.role()
                            + " at " + span.company(),
                    "Karier " + first + " di portofolio ini dimulai pada " + span.start() + " sebagai " + span.role() + " di "
                            + span.company()));
        });
        return true;
    }

    private boolean overview() {
        Optional<PortfolioFact> name = facts.byId("about.name");
        Optional<PortfolioFact> title = facts.byId("about.title");
        Optional<PortfolioFact> location = facts.byId("about.location");
        if (name.isEmpty() && title.isEmpty()) {
            return !analysis.matches().isEmpty() && aboutMatches();
        }
        String who = name.map(PortfolioFact::title).orElse(first);
        StringBuilder intro = new StringBuilder(who);
        if (title.isPresent()) {
            intro.append(pick(lang, " is " + article(title.get().title()) + " " + title.get().title(),
                    " adalah seorang " + title.get().title()));
            sources.add(title.get().id());
        } else {
            intro.append(pick(lang, " is the owner of this portfolio", " adalah pemilik portofolio ini"));
        }
        location.ifPresent(loc -> {
            intro.append(pick(lang, " based in ", " yang berdomisili di ")).append(loc.title());
            sources.add(loc.id());
        });
        name.ifPresent(fact -> sources.add(fact.id()));
        sentences.add(intro.toString());
        facts.careers().stream().filter(CareerSpan::ongoing).findFirst().ifPresent(span -> {
            sentences.add(pick(lang, "Currently, " + first + " works as " + span.role() + " at " + span.company(),
                    "Saat ini " + first + " bekerja sebagai " + span.role() + " di " + span.company()));
            sources.add("career[" + span.index() + "]");
        });
        facts.byId("about.narrativeContent[0]").ifPresent(narrative -> add(narrative,
                pick(lang, "In " + possessive() + " own words: ", "Dalam portofolionya, " + first + " menulis: ")
                        + "“" + narrative.detail().replaceAll("\\.$", "") + "”"));
        return true;
    }

    /** Answers about whatever the question's subject words matched, best match first. */
    private boolean aboutMatches() {
        List<ScoredFact> matches = analysis.matches();
        if (matches.isEmpty()) {
            return false;
        }
        double best = matches.get(0).score();
        Set<Integer> described = new LinkedHashSet<>();
        int used = 0;
        for (ScoredFact match : matches) {
            if (used == 2 || match.score() < best * 0.6) {
                break;
            }
            PortfolioFact fact = match.fact();
            if (fact.inCareer() && described.contains(fact.careerIndex()) && fact.type() != FactType.CAREER) {
                continue;
            }
            if (fact.type() == FactType.CAREER) {
                described.add(fact.careerIndex());
            }
            describe(fact);
            used++;
        }
        return !sentences.isEmpty();
    }

    private boolean techAnswer() {
        List<PortfolioFact> techs = matchesOfType(FactType.TECH);
        List<String> focus = analysis.knownFocus();
        if (!techs.isEmpty()) {
            double best = scoreOf(techs.get(0));
            List<PortfolioFact> chosen = techs.stream().filter(tech -> scoreOf(tech) >= best * 0.5).limit(3).toList();
            String yes = YES_NO.matcher(analysis.question()).find() ? pick(lang, "Yes, ", "Ya, ") : "";
            if (chosen.size() == 1) {
                PortfolioFact tech = chosen.get(0);
                add(tech, yes + pick(lang, first + " works with " + tech.title(), first + " menguasai " + tech.title())
                        + (tech.detail() == null ? "" : ": " + verbatim(lang, tech.detail())));
                usedAt(tech.title()).ifPresent(sentences::add);
            } else {
                add(null, yes + pick(lang, first + " works with ", first + " menguasai ")
                        + list(lang, chosen.stream().map(PortfolioFact::title).toList()));
                for (PortfolioFact tech : chosen) {
                    if (tech.detail() != null) {
                        add(tech, tech.title() + ": " + verbatim(lang, tech.detail()));
                    } else {
                        sources.add(tech.id());
                    }
                }
            }
            return true;
        }
        for (PortfolioFact career : facts.ofType(FactType.CAREER)) {
            for (String item : career.items()) {
                if (Tokens.of(item).stream().anyMatch(focus::contains)) {
                    String yes = YES_NO.matcher(analysis.question()).find() ? pick(lang, "Yes, ", "Ya, ") : "";
                    facts.career(career.careerIndex()).ifPresent(span -> add(career, yes + pick(lang,
                            first + " has used " + item + " as " + span.role() + " at " + span.company() + " (" + span.period() + ")",
                            first + " pernah memakai " + item + " sebagai " + span.role() + " di " + span.company()
                                    + " (" + span.period() + ")")));
                    return true;
                }
            }
        }
        return false;
    }

    // --- fact sentences -------------------------------------------------------------------------

    private void describe(PortfolioFact fact) {
        switch (fact.type()) {
            case CAREER -> facts.career(fact.careerIndex()).ifPresent(span -> describeCareer(fact, span, ""));
            case TECH -> {
                add(fact, pick(lang, first + " works with " + fact.title(), first + " menguasai " + fact.title())
                        + (fact.detail() == null ? "" : ": " + verbatim(lang, fact.detail())));
                usedAt(fact.title()).ifPresent(sentences::add);
            }
            case PROJECT -> facts.career(fact.careerIndex()).ifPresentOrElse(span -> add(fact, pick(lang,
                            fact.title() + (fact.detail() == null ? "" : " (" + fact.detail() + ")") + " is one of " + first
                                    + "'s projects at " + span.company() + " (" + span.period() + ")",
                            fact.title() + (fact.detail() == null ? "" : " (" + fact.detail() + ")") + " adalah salah satu proyek "
                                    + first + " di " + span.company() + " (" + span.period() + ")")),
                    () -> add(fact, fact.title()));
            case KEY_PROJECT -> facts.career(fact.careerIndex()).ifPresent(span -> add(fact, pick(lang,
                    "One of " + first + "'s key projects at " + span.company() + " was " + verbatim(lang, fact.title()),
                    "Salah satu proyek utama " + first + " di " + span.company() + " adalah " + verbatim(lang, fact.title()))));
            case ACHIEVEMENT -> facts.career(fact.careerIndex()).ifPresent(span -> add(fact, pick(lang,
                    "At " + span.company() + ", " + first + "'s achievements include: ",
                    "Di " + span.company() + ", salah satu pencapaian " + first + ": ") + verbatim(lang, fact.detail())));
            case NARRATIVE -> add(fact, pick(lang, "In " + possessive() + " own words: ", "Dalam portofolionya, " + first
                    + " menulis: ") + "“" + (fact.detail() == null ? fact.title() : fact.detail()).replaceAll("\\.$", "") + "”");
            case VALUE -> add(fact, pick(lang, "One of " + first + "'s core values is " + fact.title(),
                    "Salah satu nilai utama " + first + " adalah " + fact.title())
                    + (fact.detail() == null ? "" : ": " + verbatim(lang, fact.detail())));
            case INTERESTS -> add(fact, pick(lang, "Outside work, " + first + " enjoys " + list(lang, fact.items()),
                    "Di luar pekerjaan, " + first + " suka " + list(lang, fact.items())));
            case LOCATION -> add(fact, pick(lang, first + " is based in " + fact.title(), first + " berdomisili di " + fact.title()));
            case NAME, TITLE -> overview();
        }
    }

    private void describeCareer(PortfolioFact career, CareerSpan span, String leadIn) {
        String role = span.role() == null ? "" : span.role();
        String where = span.company() == null ? "" : span.company();
        String period = span.period() == null || span.period().isBlank() ? "" : " (" + span.period() + ")";
        String opening = leadIn.isEmpty() ? pick(lang, "At " + where + period + ", ", "Di " + where + period + ", ") : leadIn;
        String verb = span.ongoing() ? pick(lang, " works as ", " bekerja sebagai ") : pick(lang, " worked as ", " pernah bekerja sebagai ");
        String main = opening + first + verb + role + (leadIn.isEmpty() ? "" : pick(lang, " at ", " di ") + where + period);
        add(career, main + (career.detail() == null ? "" : ": " + verbatim(lang, career.detail())));
        List<String> projects = facts.ofType(FactType.PROJECT).stream().filter(p -> p.careerIndex() == span.index())
                .peek(p -> sources.add(p.id()))
                .map(p -> p.title() + (p.detail() == null ? "" : " (" + p.detail() + ")")).toList();
        if (!projects.isEmpty()) {
            sentences.add(pick(lang, "Projects there include " + list(lang, projects),
                    "Proyeknya di sana antara lain " + list(lang, projects)));
        }
        facts.ofType(FactType.ACHIEVEMENT).stream().filter(b -> b.careerIndex() == span.index()).findFirst()
                .ifPresent(bullet -> add(bullet, pick(lang, "One highlight: ", "Salah satu pencapaiannya: ")
                        + verbatim(lang, bullet.detail())));
    }

    private Optional<String> usedAt(String technology) {
        List<String> places = new ArrayList<>();
        for (PortfolioFact career : facts.ofType(FactType.CAREER)) {
            if (career.items().stream().anyMatch(item -> sameTech(item, technology))) {
                facts.career(career.careerIndex()).ifPresent(span -> places.add(span.company() + " (" + span.period() + ")"));
                sources.add(career.id());
            }
        }
        if (places.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(pick(lang, first + " has used it at " + list(lang, places),
                first + " menggunakannya di " + list(lang, places)));
    }

    // --- helpers ---------------------------------------------------------------------------------

    private void add(PortfolioFact fact, String sentence) {
        sentences.add(sentence(sentence));
        if (fact != null) {
            sources.add(fact.id());
        }
    }

    private String leadIn() {
        return analysis.time().leadIn(lang).map(lead -> lead + ", ").orElse("");
    }

    private String possessive() {
        return first.endsWith("s") ? first + "'" : first + "'s";
    }

    private Optional<ScoredFact> top() {
        return analysis.matches().stream().findFirst();
    }

    private double scoreOf(PortfolioFact fact) {
        return analysis.matches().stream().filter(match -> match.fact().equals(fact)).mapToDouble(ScoredFact::score)
                .findFirst().orElse(0);
    }

    private List<PortfolioFact> matchesOfType(FactType... types) {
        Set<FactType> wanted = Set.of(types);
        return analysis.matches().stream().map(ScoredFact::fact).filter(fact -> wanted.contains(fact.type())).toList();
    }

    /** Career entries named by the question's subject words (company, role), strongest first. */
    private Set<Integer> careersInFocus() {
        Set<Integer> careers = new LinkedHashSet<>();
        if (analysis.knownFocus().isEmpty()) {
            return careers;
        }
        for (CareerSpan span : facts.careers()) {
            List<String> named = new ArrayList<>(Tokens.of(span.company() == null ? "" : span.company()));
            if (named.stream().anyMatch(analysis.knownFocus()::contains)) {
                careers.add(span.index());
            }
        }
        return careers;
    }

    private TimeFilter yearFilterOnly() {
        return switch (analysis.time().kind()) {
            case BEFORE_YEAR, AFTER_YEAR, IN_YEAR, BEFORE_ENTRY, AFTER_ENTRY -> analysis.time();
            default -> TimeFilter.none();
        };
    }

    private Set<Integer> careerIndexes(TimeFilter filter) {
        Set<Integer> indexes = new LinkedHashSet<>();
        filter.apply(facts.careers()).forEach(span -> indexes.add(span.index()));
        return indexes;
    }

    private static boolean sameTech(String a, String b) {
        String left = String.join(" ", Tokens.of(a));
        String right = String.join(" ", Tokens.of(b));
        return left.equals(right) || left.contains(right) && right.length() > 3 || right.contains(left) && left.length() > 3;
    }

    /** A composed answer and the ids of the facts it used. */
    record Composition(String text, List<String> sources) {
    }
}
