package io.portfoliochat.admin.login;

import io.portfoliochat.admin.web.JsonBodies;
import io.portfoliochat.support.web.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
class LoginController {

    private final LoginService logins;
    private final JsonBodies bodies;
    private final LoginThrottleProperties throttling;

    LoginController(LoginService logins, JsonBodies bodies, LoginThrottleProperties throttling) {
        this.logins = logins;
        this.bodies = bodies;
        this.throttling = throttling;
    }

    /** Email and password in, a bearer token for the admin routes out. Repeated failures are answered with 429. */
    @PostMapping("/api/admin/login")
    ApiResponse<LoginResponse> login(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = LoginRequest.class)))
            @RequestBody(required = false) JsonNode body,
            HttpServletRequest request) {
        LoginRequest login = bodies.read(body, LoginRequest.class);
        return ApiResponse.ok(logins.login(login, ClientAddress.of(request, throttling.trustedProxies())));
    }
}
