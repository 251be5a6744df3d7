package io.portfoliochat.ai.offline;

import io.portfoliochat.ai.analysis.Analysis;
import io.portfoliochat.ai.language.Language;
import io.portfoliochat.ai.respond.ReplyRequest;
import io.portfoliochat.ai.respond.ReplyStream;
import io.portfoliochat.ai.respond.Responder;
import io.portfoliochat.ai.respond.ResponderOutcome;
import io.portfoliochat.events.AiReplyMetadata;
import io.portfoliochat.events.HandOffReason;
import java.util.List;
import java.util.Optional;

/**
 * The default responder, with no network and no API key: it answers from the portfolio facts
 * that match the question, in the visitor's language, and hands off when they don't answer it.
 * Deterministic, so it is also what the LLM provider falls back on for refusals and hand-offs.
 */
public final class OfflineResponder implements Responder {

    public static final String PROVIDER = "offline";
    public static final String MODEL = "offline-retrieval-v1";

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public ResponderOutcome respond(ReplyRequest request, ReplyStream stream) {
        long started = System.nanoTime();
        Analysis analysis = request.analysis();
        Language lang = analysis.language();
        String owner = analysis.facts().ownerFirstName(lang == Language.ID ? "pemilik portofolio" : "the portfolio owner");
        return switch (analysis.verdict()) {
            case REFUSE_INJECTION, DECLINE_OFF_TOPIC, SMALL_TALK, CLARIFY ->
                    answer(SmallTalk.reply(analysis.act(), lang, owner), List.of(), started);
            case HAND_OFF_HUMAN -> new ResponderOutcome.HandOff(HandOffReason.VISITOR_ASKED_FOR_HUMAN,
                    "The visitor asked to talk to a person", lang, metadata(List.of(), started));
            case HAND_OFF_UNKNOWN -> unknown(analysis, started);
            case ANSWER -> {
                Optional<AnswerComposer.Composition> composed = AnswerComposer.compose(analysis);
                yield composed.<ResponderOutcome>map(c -> answer(c.text(), c.sources(), started))
                        .orElseGet(() -> unknown(analysis, started));
            }
        };
    }

    private static ResponderOutcome unknown(Analysis analysis, long started) {
        String subject = analysis.unknownKeyTerms().isEmpty()
                ? "nothing in the portfolio answers it"
                : "the portfolio says nothing about " + String.join(", ", analysis.unknownKeyTerms());
        return new ResponderOutcome.HandOff(HandOffReason.UNKNOWN_ANSWER, "Could not answer: " + subject,
                analysis.language(), metadata(List.of(), started));
    }

    private static ResponderOutcome.Answer answer(String text, List<String> sources, long started) {
        return new ResponderOutcome.Answer(text, metadata(sources, started));
    }

    static AiReplyMetadata metadata(List<String> sources, long started) {
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        return new AiReplyMetadata(PROVIDER, MODEL, null, null, null, latencyMs, sources);
    }
}
