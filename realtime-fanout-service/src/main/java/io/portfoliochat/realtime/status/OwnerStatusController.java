package io.portfoliochat.realtime.status;

import io.portfoliochat.events.ChatSettings;
import io.portfoliochat.support.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/chat/status} (public): is the owner online, and within business hours (FR-24). */
@RestController
class OwnerStatusController {

    private final OwnerPresence presence;
    private final LatestSettings settings;
    private final Clock clock = Clock.systemUTC();

    OwnerStatusController(OwnerPresence presence, LatestSettings settings) {
        this.presence = presence;
        this.settings = settings;
    }

    @Operation(summary = "Whether the owner is online or away, for visitors")
    @GetMapping("/api/chat/status")
    ApiResponse<OwnerStatus> status() {
        ChatSettings current = settings.current();
        return ApiResponse.ok(new OwnerStatus(presence.ownerOnline(), current.ownerExpectedAt(clock.instant()),
                current.awayMessage()));
    }
}
