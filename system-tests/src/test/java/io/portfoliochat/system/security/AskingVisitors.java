package io.portfoliochat.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.portfoliochat.system.security.TargetSystem.Visitor;
import io.portfoliochat.testsupport.TestHttp;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Visitors who put questions to the assistant through the gateway and read the stored answer, a new
 * visitor before each one's message quota (10 a minute) runs out.
 */
final class AskingVisitors {

    private static final int QUESTIONS_PER_VISITOR = 8;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TargetSystem target;
    private Visitor current;
    private Long conversationId;
    private int asked;

    AskingVisitors(TargetSystem target) {
        this.target = target;
    }

    /** Sends the question as a visitor and returns the assistant's stored message answering it (a reply or a hand-off). */
    StoredAnswer ask(String question) {
        if (current == null || asked >= QUESTIONS_PER_VISITOR) {
            current = target.newVisitor();
            conversationId = null;
            asked = 0;
        }
        asked++;
        Visitor visitor = current;
        TestHttp.Response sent = target.withinRateLimit(() -> target.gateway().postJson("/api/chat/send",
                Map.of("content", question), "X-Session-Token", visitor.token()));
        assertThat(sent.status()).as("sending %s: %s", question, sent).isEqualTo(201);
        assertThat(sent.data().get("aiResponsePending").asBoolean()).as("the assistant is on").isTrue();
        long messageId = sent.data().get("messageId").asLong();
        conversationId = sent.data().get("conversationId").asLong();
        JsonNode answer = await().atMost(WAIT).until(() -> answerTo(visitor, messageId), Optional::isPresent).orElseThrow();
        return new StoredAnswer(answer.get("content").asString(), answer.get("metadata"));
    }

    private Optional<JsonNode> answerTo(Visitor visitor, long messageId) {
        JsonNode messages = target.gateway().get("/api/chat/messages?conversationId=" + conversationId + "&after=" + messageId,
                "X-Session-Token", visitor.token()).data().get("messages");
        for (JsonNode message : messages) {
            JsonNode inReplyTo = message.path("metadata").path("inReplyTo");
            if ("ai".equals(message.get("senderType").asString()) && inReplyTo.isArray()) {
                for (JsonNode id : inReplyTo) {
                    if (id.asLong() == messageId) {
                        return Optional.of(message);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** What the assistant stored: its text, and whether it answered from the portfolio or handed off. */
    record StoredAnswer(String content, JsonNode metadata) {

        boolean handedOff() {
            return metadata.path("handOff").asBoolean(false);
        }

        /** Portfolio facts the answer is built from; none for refusals, declines and hand-offs. */
        int sourceCount() {
            return metadata.path("sources").size();
        }

        @Override
        public String toString() {
            return (handedOff() ? "(hand-off) " : "") + content;
        }
    }
}
