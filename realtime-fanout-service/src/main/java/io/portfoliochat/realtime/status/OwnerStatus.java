package io.portfoliochat.realtime.status;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a visitor's page shows about the owner (FR-24).
 *
 * @param ownerOnline          someone is on presence-admin-chat; absent when unknown (Pusher mode)
 * @param withinBusinessHours  the owner's business hours are open now (always true without business hours)
 * @param awayMessage          the owner's away message, when set
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OwnerStatus(Boolean ownerOnline, boolean withinBusinessHours, String awayMessage) {
}
