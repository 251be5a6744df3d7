package io.portfoliochat.realtime.auth;

import io.portfoliochat.support.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/pusher/auth}: Pusher channel authorization for pusher-js and the other official clients,
 * which post {@code socket_id} and {@code channel_name} form-encoded. Failures use the API's error envelope
 * (the clients only look at the status).
 */
@RestController
class ChannelAuthController {

    private final ChannelAccessPolicy policy;

    ChannelAuthController(ChannelAccessPolicy policy) {
        this.policy = policy;
    }

    @Operation(summary = "Authorize a socket on a private or presence channel (Pusher format)")
    @PostMapping("/api/pusher/auth")
    ChannelAuthorization authorize(@RequestParam(name = "socket_id", required = false) String socketId,
                                   @RequestParam(name = "channel_name", required = false) String channelName,
                                   @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                   @RequestHeader(name = VisitorSessions.SESSION_HEADER, required = false) String sessionToken) {
        return policy.authorize(socketId, channelName, authorization, sessionToken);
    }

    /** Tomcat cannot decode form fields that are not UTF-8 percent-encoding: the client's mistake, not a 500. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ApiResponse<Void>> undecodableFormFields(InvalidParameterException e) {
        return ResponseEntity.badRequest().body(ApiResponse.failure(
                "The form fields are not valid: send socket_id and channel_name percent-encoded as UTF-8"));
    }
}
