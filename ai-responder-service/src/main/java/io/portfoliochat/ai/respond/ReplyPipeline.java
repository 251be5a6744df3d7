package io.portfoliochat.ai.respond;

import io.portfoliochat.ai.AiProperties;
import io.portfoliochat.ai.analysis.Analysis;
import io.portfoliochat.ai.analysis.QuestionAnalyzer;
import io.portfoliochat.ai.context.PortfolioFacts;
import io.portfoliochat.ai.history.AnsweredMessages;
import io.portfoliochat.ai.history.ConversationHistory;
import io.portfoliochat.ai.history.HistoryMessage;
import io.portfoliochat.ai.history.RecentMessagesClient;
import io.portfoliochat.ai.language.Language;
import io.portfoliochat.ai.language.LanguageDetector;
import io.portfoliochat.ai.state.AiState;
import io.portfoliochat.events.AiHandedOff;
import io.portfoliochat.events.AiReplyGenerated;
import io.portfoliochat.events.AiReplyMetadata;
import io.portfoliochat.events.AiTyping;
import io.portfoliochat.events.ChatSettings;
import io.portfoliochat.events.ConversationStatus;
import io.portfoliochat.events.HandOffReason;
import io.portfoliochat.events.SenderType;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers visitor messages of one conversation: checks the decision rules, says it is typing,
 * builds the context (history, portfolio analysis), lets the responder write (streaming chunks),
 * checks the rules again right before publishing, and publishes the reply or hand-off, then stops
 * typing. A take-over, a closed conversation or the global switch turned off while it writes
 * cancels the reply: nothing but "typing off" is published.
 */
public class ReplyPipeline {

    private static final Logger log = LoggerFactory.getLogger(ReplyPipeline.class);

    private final AiState state;
    private final ConversationHistory history;
    private final AnsweredMessages answered;
    private final RecentMessagesClient chatService;
    private final QuestionAnalyzer analyzer;
    private final Responder responder;
    private final ConversationEventsOut out;
    private final AiProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<Long, AtomicBoolean> inFlight = new ConcurrentHashMap<>();

    ReplyPipeline(AiState state, ConversationHistory history, AnsweredMessages answered, RecentMessagesClient chatService,
                  QuestionAnalyzer analyzer, Responder responder, ConversationEventsOut out, AiProperties properties,
                  Clock clock, MeterRegistry meters) {
        this.meters = meters;
        this.state = state;
        this.history = history;
        this.answered = answered;
        this.chatService = chatService;
        this.analyzer = analyzer;
        this.responder = responder;
        this.out = out;
        this.properties = properties;
        this.clock = clock;
        state.onConversationChange(update -> {
            if (!update.aiHandled() || update.status() != null && update.status() != ConversationStatus.ACTIVE) {
                cancel(update.conversationId(), "conversation changed by " + update.changedBy());
            }
        });
        state.onSettingsChange(settings -> {
            if (!settings.aiEnabled()) {
                inFlight.keySet().forEach(conversationId -> cancel(conversationId, "AI switched off"));
            }
        });
    }

    /** Answers visitor messages as they arrive: only when the rules allow, and each message once. */
    ReplyResult answerAutomatically(long conversationId, List<VisitorMessage> batch) {
        ReplyResult result = answerOpenMessages(conversationId, batch);
        meters.counter(OUTCOMES_METRIC, "outcome", result.kind().name().toLowerCase(java.util.Locale.ROOT),
                "reason", result.handOffReason() == null ? "none" : result.handOffReason().wireName()).increment();
        return result;
    }

    /** Counter of what became of visitor messages, tagged by outcome (replied, handed_off, dropped, already_answered). */
    public static final String OUTCOMES_METRIC = "portfoliochat.ai.outcomes";

    private ReplyResult answerOpenMessages(long conversationId, List<VisitorMessage> batch) {
        Set<Long> seen = new java.util.HashSet<>();
        List<VisitorMessage> open = batch.stream().filter(message -> seen.add(message.messageId()))
                .filter(message -> !answered.isAnswered(message.messageId())).toList();
        List<Long> ids = ids(batch);
        if (open.isEmpty()) {
            log.debug("Conversation {}: messages {} already answered", conversationId, ids);
            return new ReplyResult(ReplyResult.Kind.ALREADY_ANSWERED, null, ids, null, null, null, null, null, false);
        }
        var decision = state.decide(conversationId);
        if (!decision.allowed()) {
            log.info("Conversation {}: not answering {} because {}", conversationId, ids(open), decision.reason());
            return ReplyResult.dropped(null, ids(open), decision.reason());
        }
        return generate(conversationId, open, Mode.AUTOMATIC);
    }

    /**
     * Answers on the admin's request: ignores the global switch, and publishes only when the
     * conversation is active and AI-handled (chat-service would drop it otherwise).
     */
    ReplyResult answerOnDemand(long conversationId, VisitorMessage message) {
        boolean publish = state.decideIgnoringSettings(conversationId).allowed();
        return generate(conversationId, List.of(message), publish ? Mode.ON_DEMAND : Mode.PREVIEW);
    }

    /** The conversation's remembered history, loading it from chat-service when this instance has not followed it. */
    List<HistoryMessage> history(long conversationId) {
        if (!history.complete(conversationId)) {
            RecentMessagesClient.Lookup lookup = chatService.fetch(conversationId, properties.historySize());
            if (lookup.outcome() == RecentMessagesClient.Outcome.FOUND) {
                history.seed(conversationId, lookup.messages());
            }
        }
        return history.recent(conversationId).orElse(List.of());
    }

    private ReplyResult generate(long conversationId, List<VisitorMessage> batch, Mode mode) {
        String replyId = UUID.randomUUID().toString();
        List<Long> inReplyTo = ids(batch).stream().filter(id -> id > 0).toList();
        AtomicBoolean cancelled = new AtomicBoolean();
        inFlight.put(conversationId, cancelled);
        BooleanSupplier stillWanted = () -> !cancelled.get() && allowedNow(conversationId, mode);
        boolean typing = false;
        try {
            if (mode.publishes()) {
                out.publishWithoutWaiting(new AiTyping(conversationId, true, replyId));
                typing = true;
            }
            ChunkBatcher chunks = new ChunkBatcher(conversationId, replyId, out, properties.chunkInterval(), mode.publishes(),
                    () -> !stillWanted.getAsBoolean());
            ResponderOutcome outcome = produce(conversationId, batch, mode, chunks);
            if (outcome instanceof ResponderOutcome.Abandoned abandoned || !stillWanted.getAsBoolean()) {
                log.info("Conversation {}: reply {} dropped, {}", conversationId, replyId,
                        outcome instanceof ResponderOutcome.Abandoned a ? a.why() : "the rules no longer allow it");
                return ReplyResult.dropped(replyId, inReplyTo, "no longer allowed to answer");
            }
            if (mode == Mode.AUTOMATIC && !inReplyTo.isEmpty() && inReplyTo.stream().allMatch(answered::isAnswered)) {
                log.info("Conversation {}: {} was answered meanwhile (another instance); dropping reply {}",
                        conversationId, inReplyTo, replyId);
                return new ReplyResult(ReplyResult.Kind.ALREADY_ANSWERED, replyId, inReplyTo, null, null, null, null, null, false);
            }
            ReplyResult result = finish(conversationId, replyId, inReplyTo, batch, outcome, mode, chunks);
            if (mode.publishes()) {
                answered.markAnswered(inReplyTo);
                if (result.kind() == ReplyResult.Kind.REPLIED) {
                    history.recordOwnReply(conversationId, inReplyTo);
                }
            }
            return result;
        } finally {
            inFlight.remove(conversationId, cancelled);
            if (typing) {
                // Not awaited: the visitor message is acknowledged once the reply is on the topic, and while any
                // acknowledgement is outstanding the consumer fetches nothing new (async acks), so a second
                // round trip here held every conversation's next message back (docs/benchmarks.md). Same
                // producer and partition, so it still lands after the reply; clients also time typing out.
                out.publishWithoutWaiting(new AiTyping(conversationId, false, replyId));
            }
        }
    }

    private ResponderOutcome produce(long conversationId, List<VisitorMessage> batch, Mode mode, ChunkBatcher chunks) {
        ChatSettings settings = state.settings();
        PortfolioFacts facts = state.portfolio();
        Set<Long> answering = batch.stream().map(VisitorMessage::messageId).collect(Collectors.toSet());
        List<HistoryMessage> context = new ArrayList<>(history(conversationId));
        context.removeIf(message -> answering.contains(message.messageId()));
        String question = batch.stream().map(VisitorMessage::content).collect(Collectors.joining("\n"));
        List<String> earlier = new ArrayList<>(context.stream().filter(m -> m.senderType() == SenderType.VISITOR)
                .map(HistoryMessage::content).toList());
        Collections.reverse(earlier);
        int cap = settings.aiReplyCapPerConversation();
        if (mode == Mode.AUTOMATIC && cap > 0 && history.aiReplies(conversationId) >= cap) {
            Language language = LanguageDetector.detect(question)
                    .orElseGet(() -> LanguageDetector.detectLatest(earlier, properties.defaultLanguage()));
            return new ResponderOutcome.HandOff(HandOffReason.REPLY_CAP_REACHED,
                    "The conversation reached the cap of " + cap + " AI replies", language, null);
        }
        Analysis analysis = analyzer.analyze(question, earlier, facts);
        log.debug("Conversation {}: {}", conversationId, analysis.describe());
        ReplyRequest request = new ReplyRequest(conversationId, question, context, settings, analysis);
        try {
            return responder.respond(request, chunks);
        } catch (RuntimeException e) {
            log.warn("Conversation {}: the {} responder failed: {}", conversationId, responder.provider(), e.toString());
            return new ResponderOutcome.HandOff(HandOffReason.PROVIDER_ERROR, "The " + responder.provider()
                    + " responder failed: " + e.getClass().getSimpleName(), analysis.language(), null);
        }
    }

    private ReplyResult finish(long conversationId, String replyId, List<Long> inReplyTo, List<VisitorMessage> batch,
                               ResponderOutcome outcome, Mode mode, ChunkBatcher chunks) {
        if (outcome instanceof ResponderOutcome.Answer answer) {
            if (mode.publishes()) {
                chunks.flush();
                out.publish(new AiReplyGenerated(conversationId, replyId, inReplyTo, answer.content(), answer.metadata(),
                        clock.instant()));
            }
            log.info("Conversation {}: {} reply {} to {} ({} ms, sources {})", conversationId,
                    mode.publishes() ? "published" : "previewed", replyId, inReplyTo,
                    answer.metadata() == null ? null : answer.metadata().latencyMs(),
                    answer.metadata() == null ? List.of() : answer.metadata().sources());
            return new ReplyResult(ReplyResult.Kind.REPLIED, replyId, inReplyTo, answer.content(), answer.metadata(), null,
                    null, null, mode.publishes());
        }
        ResponderOutcome.HandOff handOff = (ResponderOutcome.HandOff) outcome;
        ChatSettings settings = state.settings();
        String owner = state.portfolio().ownerFirstName(handOff.language() == Language.ID ? "pemilik portofolio" : "the owner");
        String notice = HandOffNotices.notice(handOff.reason(), handOff.language(), owner, settings, clock.instant());
        if (mode.publishes()) {
            out.publish(new AiHandedOff(conversationId, replyId, inReplyTo, handOff.reason(), notice, handOff.detail(),
                    clock.instant()));
        }
        log.info("Conversation {}: handed off ({}) for {}: {}", conversationId, handOff.reason().wireName(), inReplyTo,
                handOff.detail());
        AiReplyMetadata metadata = handOff.metadata();
        return new ReplyResult(ReplyResult.Kind.HANDED_OFF, replyId, inReplyTo, null, metadata, handOff.reason(), notice,
                handOff.detail(), mode.publishes());
    }

    private boolean allowedNow(long conversationId, Mode mode) {
        return switch (mode) {
            case AUTOMATIC -> state.decide(conversationId).allowed();
            case ON_DEMAND -> state.decideIgnoringSettings(conversationId).allowed();
            case PREVIEW -> true;
        };
    }

    private void cancel(long conversationId, String why) {
        AtomicBoolean flag = inFlight.get(conversationId);
        if (flag != null && flag.compareAndSet(false, true)) {
            log.info("Conversation {}: cancelling the reply being written ({})", conversationId, why);
        }
    }

    private static List<Long> ids(List<VisitorMessage> messages) {
        return messages.stream().map(VisitorMessage::messageId).toList();
    }

    private enum Mode {
        AUTOMATIC, ON_DEMAND, PREVIEW;

        boolean publishes() {
            return this != PREVIEW;
        }
    }
}
