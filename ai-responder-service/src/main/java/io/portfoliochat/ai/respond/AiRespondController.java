package io.portfoliochat.ai.respond;

import io.portfoliochat.events.AiReplyMetadata;
import io.portfoliochat.support.security.AdminAuthentication;
import io.portfoliochat.support.web.ApiException;
import io.portfoliochat.support.web.ApiResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/chat/ai/respond} (admin): generate and publish an AI reply for a conversation now. */
@RestController
class AiRespondController {

    static final int MAX_MESSAGE_LENGTH = 2000;
    /** The rules of a visitor's message (chat-service): no control characters but newline and tab. */
    private static final Pattern CONTROL_CHARACTER = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

    private final AdminAuthentication adminAuthentication;
    private final OnDemandReplies replies;

    AiRespondController(AdminAuthentication adminAuthentication, OnDemandReplies replies) {
        this.adminAuthentication = adminAuthentication;
        this.replies = replies;
    }

    @PostMapping(path = "/api/chat/ai/respond", consumes = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<RespondResponse> respond(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                         @RequestBody RespondRequest request) {
        adminAuthentication.require(authorization);
        if (request.conversationId() == null) {
            throw ApiException.badRequest("conversationId is required");
        }
        if (request.conversationId() <= 0) {
            throw ApiException.badRequest("conversationId must be a positive number");
        }
        String visitorMessage = request.visitorMessage();
        if (visitorMessage != null) {
            if (visitorMessage.isBlank()) {
                throw ApiException.badRequest("visitorMessage must not be blank (leave it out to answer the last visitor message)");
            }
            if (CONTROL_CHARACTER.matcher(visitorMessage).find()
                    || visitorMessage.codePoints().anyMatch(codePoint -> Character.getType(codePoint) == Character.SURROGATE)) {
                throw ApiException.badRequest("visitorMessage contains invalid characters");
            }
            if (visitorMessage.codePointCount(0, visitorMessage.length()) > MAX_MESSAGE_LENGTH) {
                throw ApiException.badRequest("visitorMessage must be at most " + MAX_MESSAGE_LENGTH + " characters");
            }
        }
        ReplyResult result = replies.respond(request.conversationId(), visitorMessage);
        if (result.kind() == ReplyResult.Kind.DROPPED) {
            throw ApiException.conflict("The conversation changed while the reply was being written (taken over or closed); "
                    + "nothing was published");
        }
        HandOffView handOff = result.handOffReason() == null ? null
                : new HandOffView(result.handOffReason().wireName(), result.visitorNotice(), result.detail());
        String content = result.content() != null ? result.content() : result.visitorNotice();
        return ApiResponse.ok(new RespondResponse(result.replyId(), result.inReplyTo(), content, result.metadata(), handOff,
                result.published()));
    }

    /** @param visitorMessage optional: answer this text instead of the conversation's last visitor message */
    record RespondRequest(Long conversationId, String visitorMessage) {
    }

    /**
     * @param published false when the conversation is taken over or closed: the reply was generated
     *                  for the admin to read, but not sent to the visitor
     */
    record RespondResponse(String replyId, List<Long> inReplyTo, String content, AiReplyMetadata metadata, HandOffView handOff,
                           boolean published) {
    }

    record HandOffView(String reason, String visitorNotice, String detail) {
    }
}
