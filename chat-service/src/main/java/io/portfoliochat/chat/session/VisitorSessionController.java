package io.portfoliochat.chat.session;

import io.portfoliochat.support.web.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class VisitorSessionController {

    private final VisitorSessionService sessions;

    VisitorSessionController(VisitorSessionService sessions) {
        this.sessions = sessions;
    }

    /** Creates a session, or resumes the one whose token the visitor kept in localStorage. */
    @PostMapping(path = "/api/chat/session", consumes = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<VisitorSessionService.SessionView> openOrResume(@RequestBody(required = false) SessionRequest request,
                                                               HttpServletRequest http) {
        String token = request == null ? null : request.sessionToken();
        return ApiResponse.ok(sessions.openOrResume(token == null || token.isBlank() ? null : token.trim(),
                ClientAddress.of(http), http.getHeader(HttpHeaders.USER_AGENT)));
    }

    record SessionRequest(String sessionToken) {
    }
}
