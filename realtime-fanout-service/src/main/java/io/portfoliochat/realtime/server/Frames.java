package io.portfoliochat.realtime.server;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server's protocol messages. Pusher carries {@code data} as a JSON-encoded string, except in
 * {@code pusher:error} and {@code pusher:subscription_error}, whose data is an object.
 */
final class Frames {

    static final String CONNECTION_ESTABLISHED = "pusher:connection_established";
    static final String ERROR = "pusher:error";
    static final String PING = "pusher:ping";
    static final String PONG = "pusher:pong";
    static final String SUBSCRIBE = "pusher:subscribe";
    static final String UNSUBSCRIBE = "pusher:unsubscribe";
    static final String SIGNIN = "pusher:signin";
    static final String SIGNIN_SUCCESS = "pusher:signin_success";
    static final String SUBSCRIPTION_SUCCEEDED = "pusher_internal:subscription_succeeded";
    static final String SUBSCRIPTION_ERROR = "pusher:subscription_error";
    static final String MEMBER_ADDED = "pusher_internal:member_added";
    static final String MEMBER_REMOVED = "pusher_internal:member_removed";
    static final String CLIENT_EVENT_PREFIX = "client-";

    private final JsonMapper json;
    private final String ping;
    private final String pong;

    Frames(JsonMapper json) {
        this.json = json;
        this.ping = frame(PING, null, "{}");
        this.pong = frame(PONG, null, "{}");
    }

    String ping() {
        return ping;
    }

    String pong() {
        return pong;
    }

    String connectionEstablished(String socketId, long activityTimeoutSeconds) {
        ObjectNode data = json.createObjectNode().put("socket_id", socketId).put("activity_timeout", activityTimeoutSeconds);
        return frame(CONNECTION_ESTABLISHED, null, json.writeValueAsString(data));
    }

    /** {@code code} may be null for rejections that have no Pusher error code. */
    String error(Integer code, String message) {
        ObjectNode data = json.createObjectNode();
        if (code == null) {
            data.putNull("code");
        } else {
            data.put("code", code);
        }
        data.put("message", message);
        ObjectNode frame = json.createObjectNode().put("event", ERROR);
        frame.set("data", data);
        return json.writeValueAsString(frame);
    }

    String subscriptionSucceeded(String channel) {
        return frame(SUBSCRIPTION_SUCCEEDED, channel, "{}");
    }

    String presenceSubscriptionSucceeded(String channel, List<PresenceMember> members) {
        ObjectNode presence = json.createObjectNode();
        var ids = presence.putArray("ids");
        ObjectNode hash = presence.putObject("hash");
        for (PresenceMember member : members) {
            ids.add(member.userId());
            hash.set(member.userId(), member.userInfo() == null ? NullNode.getInstance() : member.userInfo());
        }
        presence.put("count", members.size());
        ObjectNode data = json.createObjectNode();
        data.set("presence", presence);
        return frame(SUBSCRIPTION_SUCCEEDED, channel, json.writeValueAsString(data));
    }

    String subscriptionError(String channel, String type, String error, int status) {
        ObjectNode frame = json.createObjectNode().put("event", SUBSCRIPTION_ERROR).put("channel", channel);
        frame.putObject("data").put("type", type).put("error", error).put("status", status);
        return json.writeValueAsString(frame);
    }

    String memberAdded(String channel, PresenceMember member) {
        ObjectNode data = json.createObjectNode().put("user_id", member.userId());
        if (member.userInfo() != null) {
            data.set("user_info", member.userInfo());
        }
        return frame(MEMBER_ADDED, channel, json.writeValueAsString(data));
    }

    String memberRemoved(String channel, String userId) {
        return frame(MEMBER_REMOVED, channel, json.writeValueAsString(json.createObjectNode().put("user_id", userId)));
    }

    String signinSuccess(String userData) {
        return frame(SIGNIN_SUCCESS, null, json.writeValueAsString(json.createObjectNode().put("user_data", userData)));
    }

    /** An event published through the HTTP API or the fan-out: data passed on unchanged as a string. */
    String channelEvent(String channel, String event, String data) {
        return frame(event, channel, data);
    }

    /** A client event as sent by a client, its data untouched; on presence channels with the sender's user id. */
    String clientEvent(String channel, String event, JsonNode data, String userId) {
        ObjectNode frame = json.createObjectNode().put("event", event).put("channel", channel);
        frame.set("data", data == null ? NullNode.getInstance() : data);
        if (userId != null) {
            frame.put("user_id", userId);
        }
        return json.writeValueAsString(frame);
    }

    private String frame(String event, String channel, String data) {
        ObjectNode frame = json.createObjectNode().put("event", event);
        if (channel != null) {
            frame.put("channel", channel);
        }
        frame.put("data", data);
        return json.writeValueAsString(frame);
    }
}
