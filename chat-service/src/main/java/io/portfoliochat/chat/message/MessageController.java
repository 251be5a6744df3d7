package io.portfoliochat.chat.message;

import io.portfoliochat.chat.identity.CallerResolver;
import io.portfoliochat.support.web.ApiResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MessageController {

    private final MessageService messages;
    private final CallerResolver callers;

    MessageController(MessageService messages, CallerResolver callers) {
        this.messages = messages;
        this.callers = callers;
    }

    @PostMapping(path = "/api/chat/send", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiResponse<MessageService.SentMessage>> send(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = CallerResolver.SESSION_HEADER, required = false) String sessionToken,
            @RequestBody SendMessageRequest request) {
        MessageService.SentMessage sent = messages.send(callers.visitorOrAdmin(authorization, sessionToken), request);
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.ok(sent));
    }

    @GetMapping("/api/chat/messages")
    ApiResponse<MessageService.MessagePage> messages(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = CallerResolver.SESSION_HEADER, required = false) String sessionToken,
            @RequestParam long conversationId,
            @RequestParam(required = false) Long before,
            @RequestParam(required = false) Long after,
            @RequestParam(defaultValue = "50") int limit) {
        return ApiResponse.ok(messages.page(callers.visitorOrAdmin(authorization, sessionToken), conversationId, before, after, limit));
    }

    @PostMapping(path = "/api/chat/messages/read", consumes = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<MessageService.ReadResult> read(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = CallerResolver.SESSION_HEADER, required = false) String sessionToken,
            @RequestBody ReadRequest request) {
        return ApiResponse.ok(messages.markRead(callers.visitorOrAdmin(authorization, sessionToken), request));
    }
}
