package io.portfoliochat.ai.respond;

import io.portfoliochat.ai.AiProperties;
import io.portfoliochat.ai.history.ConversationHistory;
import io.portfoliochat.ai.history.HistoryMessage;
import io.portfoliochat.ai.history.RecentMessagesClient;
import io.portfoliochat.events.SenderType;
import io.portfoliochat.support.web.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;

/**
 * The admin's "answer this conversation now": the conversation's last visitor message (or a
 * message the admin gives), answered in the conversation's lane so it never races an automatic
 * reply, and published like one.
 */
class OnDemandReplies {

    private final ConversationHistory history;
    private final RecentMessagesClient chatService;
    private final ReplyPipeline pipeline;
    private final ConversationLanes lanes;
    private final AiProperties properties;

    OnDemandReplies(ConversationHistory history, RecentMessagesClient chatService, ReplyPipeline pipeline,
                    ConversationLanes lanes, AiProperties properties) {
        this.history = history;
        this.chatService = chatService;
        this.pipeline = pipeline;
        this.lanes = lanes;
        this.properties = properties;
    }

    ReplyResult respond(long conversationId, String visitorMessage) {
        VisitorMessage target = target(conversationId, visitorMessage);
        Duration wait = properties.openai().timeout().plusSeconds(15);
        try {
            return lanes.submit(conversationId, () -> pipeline.answerOnDemand(conversationId, target))
                    .get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ApiException(HttpStatus.GATEWAY_TIMEOUT, "The reply took longer than " + wait.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "The service is shutting down");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private VisitorMessage target(long conversationId, String visitorMessage) {
        Optional<List<HistoryMessage>> known = history.recent(conversationId);
        if (!history.complete(conversationId)) {
            RecentMessagesClient.Lookup lookup = chatService.fetch(conversationId, properties.historySize());
            switch (lookup.outcome()) {
                case FOUND -> history.seed(conversationId, lookup.messages());
                case NOT_FOUND -> {
                    if (known.isEmpty()) {
                        throw ApiException.notFound("Conversation " + conversationId + " was not found");
                    }
                }
                case UNAVAILABLE -> {
                    if (known.isEmpty() && visitorMessage == null) {
                        throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "The history of conversation " + conversationId
                                + " is unavailable right now; try again, or pass visitorMessage");
                    }
                }
            }
        }
        if (visitorMessage != null) {
            return new VisitorMessage(0, 0, visitorMessage.trim());
        }
        List<HistoryMessage> messages = history.recent(conversationId).orElse(List.of());
        for (int i = messages.size() - 1; i >= 0; i--) {
            HistoryMessage message = messages.get(i);
            if (message.senderType() == SenderType.VISITOR) {
                return new VisitorMessage(message.messageId(), message.seq(), message.content());
            }
        }
        throw ApiException.conflict("Conversation " + conversationId + " has no visitor message to answer yet");
    }
}
