package io.portfoliochat.ai.respond;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.portfoliochat.ai.AiEventsFixture.WAIT;
import static io.portfoliochat.ai.AiEventsFixture.newId;
import static io.portfoliochat.ai.AiEventsFixture.settings;
import static io.portfoliochat.ai.AiEventsFixture.visitorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.events.AiHandedOff;
import io.portfoliochat.events.AiReplyGenerated;
import io.portfoliochat.events.AiTyping;
import io.portfoliochat.events.ConversationStatus;
import io.portfoliochat.events.EventEnvelope;
import io.portfoliochat.events.HandOffReason;
import io.portfoliochat.events.MessageCreated;
import io.portfoliochat.testsupport.EventsProbe;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The decision rules against a real Kafka broker, with the offline responder: the assistant
 * answers only when AI is on and the conversation is active and AI-handled, hands off when asked
 * for a person or at the reply cap, answers a redelivered message once, and loads the history of
 * a conversation it has not followed from chat-service (stubbed at the HTTP level).
 */
@ServiceIntegrationTest(properties = "portfoliochat.ai.burst-window=50ms")
class ReplyDecisionRulesIntegrationTest extends ChatServiceStubbedTestBase {

    @BeforeEach
    void aiSwitchedOn() {
        events.publishSettings(settings(true, 0));
    }

    @Test
    void answersFromThePortfolioWhenAiIsOnAndTheConversationActiveAndAiHandled() {
        long conversation = newId();
        MessageCreated question = events.visitorSays(conversation, 1, "Where is Rina based?");

        AiReplyGenerated reply = events.awaitReplyTo(question.messageId());

        assertThat(reply.content()).contains("Bandung");
        assertThat(reply.inReplyTo()).containsExactly(question.messageId());
        assertThat(reply.metadata().provider()).isEqualTo("offline");
        assertThat(reply.metadata().model()).isEqualTo("offline-retrieval-v1");
        assertThat(reply.metadata().sources()).contains("about.location");
        assertThat(reply.metadata().latencyMs()).isNotNull();
        AiTyping stopped = events.probe().await(AiTyping.class, t -> t.replyId().equals(reply.replyId()) && !t.typing(), WAIT);
        List<EventsProbe.Received> story = events.probe().all().stream()
                .filter(r -> r.key().equals(Long.toString(conversation))).toList();
        assertThat(story.stream().map(r -> r.envelope().type()).toList())
                .containsSubsequence("message.created", "ai.typing", "ai.reply-generated", "ai.typing");
        assertThat(events.typingIn(conversation)).extracting(AiTyping::typing).containsExactly(true, false);
        assertThat(stopped.conversationId()).isEqualTo(conversation);
    }

    @Test
    void staysSilentWhileAiIsSwitchedOffInTheSettings() {
        events.publishSettings(settings(false, 0));

        assertSilent(newId(), "What are her hobbies?");
    }

    @Test
    void staysSilentAfterTheAdminTookTheConversationOver() {
        long conversation = newId();
        events.updateConversation(conversation, ConversationStatus.ACTIVE, false);

        assertSilent(conversation, "Does Rina know Go?");
    }

    @Test
    void staysSilentInAResolvedConversation() {
        long conversation = newId();
        events.updateConversation(conversation, ConversationStatus.RESOLVED, true);

        assertSilent(conversation, "Which projects has she built?");
    }

    /** The message is dropped (counted as such) and nothing at all is published for the conversation. */
    private void assertSilent(long conversation, String question) {
        double dropped = events.outcomes("dropped");

        events.visitorSays(conversation, 1, question);

        events.awaitOutcomes("dropped", dropped + 1);
        assertThat(events.repliesIn(conversation)).isEmpty();
        assertThat(events.typingIn(conversation)).isEmpty();
        assertThat(events.probe().events(AiHandedOff.class)).noneMatch(h -> h.conversationId() == conversation);
    }

    @Test
    void answersAgainOnceTheAdminHandsTheConversationBackToTheAi() {
        long conversation = newId();
        events.updateConversation(conversation, ConversationStatus.ACTIVE, false);
        events.updateConversation(conversation, ConversationStatus.ACTIVE, true);

        MessageCreated question = events.visitorSays(conversation, 1, "What are her hobbies?");

        assertThat(events.awaitReplyTo(question.messageId()).content()).contains("bouldering");
    }

    @Test
    void handsOffWithTheOfflineMessageWhenTheVisitorAsksForAPerson() {
        long conversation = newId();
        MessageCreated question = events.visitorSays(conversation, 1, "mau ngobrol sama Rina langsung dong");

        AiHandedOff handOff = events.probe().await(AiHandedOff.class, h -> h.inReplyTo().contains(question.messageId()), WAIT);

        assertThat(handOff.reason()).isEqualTo(HandOffReason.VISITOR_ASKED_FOR_HUMAN);
        assertThat(handOff.visitorNotice()).contains("Rina").contains("Sorry, I'm not available right now");
        assertThat(handOff.detail()).isNotBlank();
        assertThat(events.repliesIn(conversation)).isEmpty();
    }

    @Test
    void handsOffWhenThePortfolioDoesNotAnswerTheQuestion() {
        long conversation = newId();
        MessageCreated question = events.visitorSays(conversation, 1, "What is Rina's salary expectation?");

        AiHandedOff handOff = events.probe().await(AiHandedOff.class, h -> h.inReplyTo().contains(question.messageId()), WAIT);

        assertThat(handOff.reason()).isEqualTo(HandOffReason.UNKNOWN_ANSWER);
        assertThat(handOff.visitorNotice()).contains("I don't have that information");
    }

    @Test
    void handsOffOnceTheConversationReachedTheReplyCap() {
        events.publishSettings(settings(true, 2));
        long conversation = newId();
        events.aiReplyStored(conversation, 1, newId());
        events.aiReplyStored(conversation, 2, newId());

        MessageCreated question = events.visitorSays(conversation, 3, "What are her hobbies?");

        AiHandedOff handOff = events.probe().await(AiHandedOff.class, h -> h.inReplyTo().contains(question.messageId()), WAIT);
        assertThat(handOff.reason()).isEqualTo(HandOffReason.REPLY_CAP_REACHED);
        assertThat(events.repliesIn(conversation)).isEmpty();
    }

    @Test
    void answersAMessageDeliveredTwiceOnlyOnce() {
        long conversation = newId();
        EventEnvelope<MessageCreated> first = EventEnvelope.wrap(visitorMessage(conversation, newId(), 1, "Does Rina know Go?"));
        events.sender().send(topics.conversationEvents(), first);
        events.sender().send(topics.conversationEvents(), first);
        MessageCreated later = events.visitorSays(conversation, 2, "What are her hobbies?");

        events.awaitReplyTo(later.messageId());

        long answersToFirst = events.repliesIn(conversation).stream()
                .filter(reply -> reply.inReplyTo().contains(first.payload().messageId())).count();
        assertThat(answersToFirst).isEqualTo(1);
    }

    @Test
    void loadsTheHistoryOfAConversationItDidNotFollowFromChatServiceAndKeepsItsLanguage() {
        long conversation = newId();
        chatService.stubFor(get(urlEqualTo("/internal/conversations/" + conversation + "/recent-messages?limit=10"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"success": true, "data": {"conversationId": %d, "status": "active", "aiHandled": true,
                         "visitorName": "Budi", "messages": [
                           {"id": 11, "seq": 1, "senderType": "visitor", "content": "Halo, saya mau tanya tentang Rina dong",
                            "createdAt": "2026-01-28T09:15:30Z"},
                           {"id": 12, "seq": 2, "senderType": "ai", "content": "Halo! Silakan tanya.",
                            "createdAt": "2026-01-28T09:15:31Z"}]}}
                        """.formatted(conversation))));

        MessageCreated question = events.visitorSays(conversation, 3, "Kubernetes?");

        AiReplyGenerated reply = events.awaitReplyTo(question.messageId());
        assertThat(reply.content()).contains("Kubernetes").contains("menguasai");
        chatService.verify(getRequestedFor(urlEqualTo("/internal/conversations/" + conversation + "/recent-messages?limit=10")));
    }
}
