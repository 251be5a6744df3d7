package io.portfoliochat.chat.message;

import io.portfoliochat.chat.conversation.Conversation;
import io.portfoliochat.chat.conversation.ConversationRepository;
import io.portfoliochat.support.web.ApiException;
import io.portfoliochat.support.web.ApiResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Recent history for ai-responder-service after a restart; not routed by the gateway. */
@RestController
class InternalConversationController {

    private final ConversationRepository conversations;
    private final MessageRepository messages;

    InternalConversationController(ConversationRepository conversations, MessageRepository messages) {
        this.conversations = conversations;
        this.messages = messages;
    }

    @GetMapping("/internal/conversations/{id}/recent-messages")
    ApiResponse<RecentMessages> recent(@PathVariable long id, @RequestParam(defaultValue = "10") int limit) {
        if (limit < 1 || limit > 100) {
            throw ApiException.badRequest("limit must be between 1 and 100");
        }
        Conversation conversation = conversations.find(id)
                .orElseThrow(() -> ApiException.notFound("Conversation " + id + " does not exist"));
        List<Message> newestFirst = messages.olderThan(id, null, limit);
        List<RecentMessage> oldestFirst = new ArrayList<>();
        for (Message message : newestFirst.subList(0, Math.min(limit, newestFirst.size()))) {
            oldestFirst.add(new RecentMessage(message.id(), message.seq(), message.senderType().wireName(),
                    message.content(), message.createdAt()));
        }
        Collections.reverse(oldestFirst);
        return ApiResponse.ok(new RecentMessages(id, conversation.status().wireName(), conversation.aiHandled(),
                conversation.visitorName(), oldestFirst));
    }

    record RecentMessages(long conversationId, String status, boolean aiHandled, String visitorName,
                          List<RecentMessage> messages) {
    }

    record RecentMessage(long id, long seq, String senderType, String content, Instant createdAt) {
    }
}
