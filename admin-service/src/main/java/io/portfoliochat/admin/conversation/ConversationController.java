package io.portfoliochat.admin.conversation;

import io.portfoliochat.admin.web.AdminOnly;
import io.portfoliochat.admin.web.PatchBody;
import io.portfoliochat.support.security.AdminPrincipal;
import io.portfoliochat.support.web.ApiException;
import io.portfoliochat.support.web.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
class ConversationController {

    private final ConversationControlService conversations;

    ConversationController(ConversationControlService conversations) {
        this.conversations = conversations;
    }

    /** {@code isAiHandled: false} takes the conversation over from the AI; {@code true} hands it back. */
    @AdminOnly
    @PatchMapping("/api/chat/conversations/{id}")
    ApiResponse<ConversationView> change(
            @PathVariable long id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ConversationChange.class)))
            @RequestBody(required = false) JsonNode body,
            AdminPrincipal admin) {
        if (id <= 0) {
            throw ApiException.badRequest("Conversation id must be a positive number");
        }
        return ApiResponse.ok(conversations.change(id, PatchBody.of(body, ConversationControlService.FIELDS), admin));
    }

    /** The request body, for the API description: send either field or both. */
    @Schema(description = "send either field or both")
    record ConversationChange(@Schema(allowableValues = {"active", "resolved", "closed"}) String status, Boolean isAiHandled) {
    }
}
