package io.portfoliochat.realtime.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What pusher-js and the other clients expect back from the authorization endpoint (Pusher's format, not
 * the API envelope): {@code {"auth":"key:signature"}}, plus {@code channel_data} for presence channels.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChannelAuthorization(String auth, @JsonProperty("channel_data") String channelData) {
}
