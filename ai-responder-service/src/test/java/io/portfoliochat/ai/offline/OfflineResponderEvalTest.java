package io.portfoliochat.ai.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.ai.analysis.Analysis;
import io.portfoliochat.ai.analysis.QuestionAnalyzer;
import io.portfoliochat.ai.context.PortfolioFacts;
import io.portfoliochat.ai.language.Language;
import io.portfoliochat.ai.respond.HandOffNotices;
import io.portfoliochat.ai.respond.ReplyRequest;
import io.portfoliochat.ai.respond.ReplyStream;
import io.portfoliochat.ai.respond.ResponderOutcome;
import io.portfoliochat.events.ChatSettings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The offline responder against question sets with their expected facts, scored by the rules of
 * shared/eval/portfolio-qa-sample.json. Prints every question, reply and verdict.
 */
class OfflineResponderEvalTest {

    private final OfflineResponder responder = new OfflineResponder();
    private final QuestionAnalyzer analyzer = new QuestionAnalyzer(Language.EN);

    @Test
    void passesAtLeastNineOfTheTenPublicSampleQuestions() {
        assertThat(run(EvalSet.sharedSample())).isGreaterThanOrEqualTo(9);
    }

    @Test
    void passesAtLeastEightOfTheHeldOutDataScientistQuestions() {
        assertThat(run(EvalSet.resource("heldout-data-scientist.json"))).isGreaterThanOrEqualTo(8);
    }

    @Test
    void passesAtLeastEightOfTheHeldOutDesignerQuestions() {
        assertThat(run(EvalSet.resource("heldout-designer.json"))).isGreaterThanOrEqualTo(8);
    }

    private int run(EvalSet set) {
        PortfolioFacts facts = PortfolioFacts.of(set.portfolio());
        ChatSettings settings = ChatSettings.defaults();
        int passed = 0;
        System.out.println("=== " + set.name());
        for (EvalSet.Question question : set.questions()) {
            Analysis analysis = analyzer.analyze(question.q(), List.of(), facts);
            ResponderOutcome outcome = responder.respond(
                    new ReplyRequest(1, question.q(), List.of(), settings, analysis), ReplyStream.NONE);
            String reply;
            boolean handedOff;
            if (outcome instanceof ResponderOutcome.HandOff handOff) {
                reply = HandOffNotices.notice(handOff.reason(), handOff.language(), facts.ownerFirstName("the owner"),
                        settings, Instant.now());
                handedOff = true;
            } else {
                reply = ((ResponderOutcome.Answer) outcome).content();
                handedOff = false;
            }
            EvalSet.Verdict verdict = EvalSet.score(question, reply, handedOff);
            passed += verdict.passed() ? 1 : 0;
            System.out.printf("%s  Q: %s%n      %s%s%n      [%s]%n", verdict.passed() ? "PASS" : "FAIL", question.q(),
                    handedOff ? "(hand-off) " : "", reply, analysis.describe() + " -> " + verdict.why());
        }
        System.out.printf("=== %s: %d/%d%n", set.name(), passed, set.questions().size());
        printLatency(set, facts, settings);
        return passed;
    }

    /** For the record only (timing belongs to benchmarks, not assertions): analysis + answer per question. */
    private void printLatency(EvalSet set, PortfolioFacts facts, ChatSettings settings) {
        int rounds = 200;
        long started = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (EvalSet.Question question : set.questions()) {
                responder.respond(new ReplyRequest(1, question.q(), List.of(), settings,
                        analyzer.analyze(question.q(), List.of(), facts)), ReplyStream.NONE);
            }
        }
        double micros = (System.nanoTime() - started) / 1000.0 / (rounds * set.questions().size());
        System.out.printf("=== %s: %.0f µs per question (mean of %d, after warm-up)%n", set.name(), micros,
                rounds * set.questions().size());
    }
}
