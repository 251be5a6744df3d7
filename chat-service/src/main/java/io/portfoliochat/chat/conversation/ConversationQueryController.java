package io.portfoliochat.chat.conversation;

import io.portfoliochat.chat.identity.CallerResolver;
import io.portfoliochat.events.ConversationStatus;
import io.portfoliochat.support.web.ApiException;
import io.portfoliochat.support.web.ApiResponse;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The admin's conversation list and details (status changes live in admin-service). */
@RestController
class ConversationQueryController {

    private static final int MAX_LIMIT = 100;
    private static final int MAX_PAGE = 1_000_000;

    private final ConversationRepository conversations;
    private final CallerResolver callers;

    ConversationQueryController(ConversationRepository conversations, CallerResolver callers) {
        this.conversations = conversations;
        this.callers = callers;
    }

    @GetMapping("/api/chat/conversations")
    ApiResponse<ConversationPage> list(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                       @RequestParam(defaultValue = "all") String status,
                                       @RequestParam(defaultValue = "1") int page,
                                       @RequestParam(defaultValue = "20") int limit) {
        callers.admin(authorization);
        ConversationStatus filter = "all".equals(status) ? null : ConversationStatus.fromWireName(status)
                .orElseThrow(() -> ApiException.badRequest("status must be one of active, resolved, closed, all"));
        if (page < 1 || page > MAX_PAGE) {
            throw ApiException.badRequest("page must be between 1 and " + MAX_PAGE);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT);
        }
        long total = conversations.count(filter);
        List<ConversationSummary> items = conversations.page(filter, (page - 1) * limit, limit).stream()
                .map(ConversationSummary::of).toList();
        return ApiResponse.ok(new ConversationPage(items,
                new Pagination(total, page, limit, (int) ((total + limit - 1) / limit))));
    }

    @GetMapping("/api/chat/conversations/{id}")
    ApiResponse<ConversationSummary> details(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                             @PathVariable long id) {
        callers.admin(authorization);
        return conversations.find(id).map(ConversationSummary::of).map(ApiResponse::ok)
                .orElseThrow(() -> ApiException.notFound("Conversation " + id + " does not exist"));
    }

    record ConversationPage(List<ConversationSummary> conversations, Pagination pagination) {
    }

    record Pagination(long total, int page, int limit, int totalPages) {
    }

    record LastMessage(long id, String content, String senderType, Instant createdAt) {
    }

    record ConversationSummary(long id, String visitorId, String visitorName, String visitorEmail, String status,
                               boolean isAiHandled, LastMessage lastMessage, int unreadCount, long messageCount,
                               Instant createdAt, Instant updatedAt) {

        static ConversationSummary of(Conversation c) {
            LastMessage last = c.lastMessageId() == null ? null : new LastMessage(c.lastMessageId(),
                    c.lastMessagePreview(), c.lastMessageSender().wireName(), c.lastMessageAt());
            return new ConversationSummary(c.id(), c.visitorId(), c.visitorName(), c.visitorEmail(),
                    c.status().wireName(), c.aiHandled(), last, c.unreadByAdmin(), c.messageCount(),
                    c.createdAt(), c.updatedAt());
        }
    }
}
