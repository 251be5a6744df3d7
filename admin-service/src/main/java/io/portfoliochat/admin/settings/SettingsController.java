package io.portfoliochat.admin.settings;

import io.portfoliochat.admin.web.AdminOnly;
import io.portfoliochat.events.ChatSettings;
import io.portfoliochat.support.security.AdminPrincipal;
import io.portfoliochat.support.web.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/chat/settings")
class SettingsController {

    private final ChatSettingsService settings;

    SettingsController(ChatSettingsService settings) {
        this.settings = settings;
    }

    @AdminOnly
    @GetMapping
    ApiResponse<ChatSettings> current() {
        return ApiResponse.ok(settings.current());
    }

    /** Partial update: only the fields sent change; answers with the full settings. */
    @AdminOnly
    @PatchMapping
    ApiResponse<ChatSettings> update(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "any subset of the settings' fields",
                    content = @Content(schema = @Schema(implementation = ChatSettings.class)))
            @RequestBody(required = false) JsonNode body,
            AdminPrincipal admin) {
        return ApiResponse.ok(settings.update(SettingsPatch.of(body), admin));
    }
}
