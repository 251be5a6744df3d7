package io.portfoliochat.ai;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.portfoliochat.ai.respond.ReplyPipeline;
import io.portfoliochat.ai.state.AiState;
import io.portfoliochat.events.AiReplyGenerated;
import io.portfoliochat.events.AiTyping;
import io.portfoliochat.events.BusinessHours;
import io.portfoliochat.events.ChatSettings;
import io.portfoliochat.events.ChatSettingsChanged;
import io.portfoliochat.events.ConversationStatus;
import io.portfoliochat.events.ConversationUpdated;
import io.portfoliochat.events.MessageCreated;
import io.portfoliochat.events.Portfolio;
import io.portfoliochat.events.PortfolioChanged;
import io.portfoliochat.events.SenderType;
import io.portfoliochat.support.kafka.TopicNames;
import io.portfoliochat.testsupport.EventsProbe;
import io.portfoliochat.testsupport.TestEventSender;
import io.portfoliochat.testsupport.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays the other services for one test class: publishes settings, portfolio, conversation state
 * and visitor messages the way admin-service and chat-service do, and watches what the assistant
 * publishes on the conversation topic.
 */
public final class AiEventsFixture implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000 * 1000 + 1000);

    private final TopicNames topics;
    private final AiState state;
    private final MeterRegistry meters;
    private final TestEventSender sender = new TestEventSender(TestKafka.bootstrapServers());
    private final EventsProbe probe;

    public AiEventsFixture(TopicNames topics, AiState state, MeterRegistry meters) {
        this.topics = topics;
        this.state = state;
        this.meters = meters;
        this.probe = EventsProbe.on(TestKafka.bootstrapServers(), topics.conversationEvents());
    }

    public static long newId() {
        return IDS.incrementAndGet();
    }

    public EventsProbe probe() {
        return probe;
    }

    public TestEventSender sender() {
        return sender;
    }

    public void publishPortfolio(Portfolio portfolio) {
        sender.send(topics.portfolio(), new PortfolioChanged(portfolio, "admin", Instant.now()));
        String name = portfolio.about() == null ? null : portfolio.about().name();
        await().atMost(WAIT).until(() -> state.portfolio().ownerName().orElse(null), value -> java.util.Objects.equals(value, name));
    }

    public void publishSettings(ChatSettings settings) {
        sender.send(topics.settings(), new ChatSettingsChanged(settings, "admin", List.of("aiEnabled"), Instant.now()));
        await().atMost(WAIT).until(state::settings, settings::equals);
    }

    public static ChatSettings settings(boolean aiEnabled, int replyCap) {
        return settings(aiEnabled, replyCap, ChatSettings.DEFAULT_MODEL, 0.7);
    }

    public static ChatSettings settings(boolean aiEnabled, int replyCap, String model, double temperature) {
        ChatSettings defaults = ChatSettings.defaults();
        return new ChatSettings(aiEnabled, model, temperature, null, defaults.welcomeMessage(),
                "Sorry, I'm not available right now. Please leave a message.", "I'm away right now.",
                (BusinessHours) null, replyCap);
    }

    /** The admin changed a conversation: on the state topic (as admin-service does) and the conversation topic. */
    public void updateConversation(long conversationId, ConversationStatus status, boolean aiHandled) {
        ConversationUpdated update = new ConversationUpdated(conversationId, status, aiHandled, "admin", Instant.now());
        sender.send(topics.conversationState(), update);
        sender.send(topics.conversationEvents(), update);
        await().atMost(WAIT).until(() -> state.conversation(conversationId).orElse(null), update::equals);
    }

    public MessageCreated visitorSays(long conversationId, long seq, String text) {
        MessageCreated message = visitorMessage(conversationId, newId(), seq, text);
        sender.send(topics.conversationEvents(), message);
        return message;
    }

    public static MessageCreated visitorMessage(long conversationId, long messageId, long seq, String text) {
        return new MessageCreated(conversationId, messageId, seq, SenderType.VISITOR, "visitor-" + conversationId, "Visitor",
                text, null, List.of(), null, null, Instant.now());
    }

    /** An AI reply chat-service stored earlier (counts towards the reply cap). */
    public void aiReplyStored(long conversationId, long seq, long answering) {
        sender.send(topics.conversationEvents(), new MessageCreated(conversationId, newId(), seq, SenderType.AI, null,
                "AI Assistant", "An earlier answer.", "ai-re:" + answering, List.of(answering), null, null, Instant.now()));
    }

    public AiReplyGenerated awaitReplyTo(long messageId) {
        return probe.await(AiReplyGenerated.class, reply -> reply.inReplyTo().contains(messageId), WAIT);
    }

    public List<AiReplyGenerated> repliesIn(long conversationId) {
        return probe.events(AiReplyGenerated.class).stream().filter(reply -> reply.conversationId() == conversationId).toList();
    }

    public List<AiTyping> typingIn(long conversationId) {
        return probe.events(AiTyping.class).stream().filter(typing -> typing.conversationId() == conversationId).toList();
    }

    /** Visitor messages whose outcome was of this kind (replied, handed_off, dropped, already_answered). */
    public double outcomes(String kind) {
        return meters.find(ReplyPipeline.OUTCOMES_METRIC).tag("outcome", kind).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    public void awaitOutcomes(String kind, double atLeast) {
        await().atMost(WAIT).until(() -> outcomes(kind) >= atLeast);
    }

    @Override
    public void close() {
        probe.close();
        sender.close();
    }
}
