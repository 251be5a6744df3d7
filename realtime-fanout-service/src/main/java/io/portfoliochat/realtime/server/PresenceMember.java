package io.portfoliochat.realtime.server;

import tools.jackson.databind.JsonNode;

/** A user on a presence channel, as its channel_data said: {@code user_id} and optional {@code user_info}. */
record PresenceMember(String userId, JsonNode userInfo) {
}
