package io.portfoliochat.realtime.server;

import io.portfoliochat.realtime.channel.ChannelNames;
import io.portfoliochat.realtime.channel.ChannelType;
import io.portfoliochat.realtime.channel.PusherSignatures;
import io.portfoliochat.realtime.mode.AppCredentials;
import io.portfoliochat.realtime.mode.ConditionalOnRealtimeMode;
import io.portfoliochat.realtime.mode.RealtimeMode;
import io.portfoliochat.realtime.mode.RealtimeProperties;
import io.portfoliochat.support.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pusher's HTTP API for the built-in server, so pusher-http-java or the Node {@code pusher} library can
 * publish into it: signed requests only. Success bodies are Pusher's ({@code {}}, channel info);
 * failures use the service's JSON error envelope with Pusher's status codes (400, 401, 404, 413).
 */
@RestController
@RequestMapping("/apps/{appId}")
@ConditionalOnRealtimeMode(RealtimeMode.SELF_HOSTED)
class PusherHttpApiController {

    private static final int MAX_CHANNELS_PER_EVENT = 100;
    private static final int MAX_BATCH = 10;
    private static final int MAX_EVENT_NAME_LENGTH = 200;

    private final AppCredentials credentials;
    private final HttpApiAuthenticator authenticator;
    private final ChannelRegistry registry;
    private final Frames frames;
    private final JsonMapper json;
    private final Peers peers;
    private final SocketServerMetrics metrics;
    private final long maxBodyBytes;
    private final int maxEventBytes;

    PusherHttpApiController(AppCredentials credentials, HttpApiAuthenticator authenticator, ChannelRegistry registry,
                            Frames frames, JsonMapper json, Peers peers, SocketServerMetrics metrics,
                            SocketServerProperties serverProperties, RealtimeProperties realtimeProperties) {
        this.credentials = credentials;
        this.authenticator = authenticator;
        this.registry = registry;
        this.frames = frames;
        this.json = json;
        this.peers = peers;
        this.metrics = metrics;
        this.maxBodyBytes = serverProperties.maxHttpApiBody().toBytes();
        this.maxEventBytes = realtimeProperties.maxEventBytes();
    }

    /** One event, up to 100 channels: {@code {name, data, channels | channel, socket_id?, info?}}. */
    @PostMapping("/events")
    Map<String, Object> trigger(@PathVariable String appId, HttpServletRequest request) {
        JsonNode body = authenticatedBody(appId, request);
        Trigger trigger = readTrigger(body, true);
        publish(trigger);
        return trigger.info() == null ? Map.of() : Map.of("channels", channelInfo(trigger.channels(), trigger.info()));
    }

    /** Up to ten events in one call: {@code {"batch": [{channel, name, data, socket_id?, info?}]}}. */
    @PostMapping("/batch_events")
    Map<String, Object> triggerBatch(@PathVariable String appId, HttpServletRequest request) {
        JsonNode body = authenticatedBody(appId, request);
        JsonNode batch = body.get("batch");
        if (batch == null || !batch.isArray() || batch.isEmpty()) {
            throw ApiException.badRequest("batch must be a non-empty array of events");
        }
        if (batch.size() > MAX_BATCH) {
            throw ApiException.badRequest("batch has " + batch.size() + " events; at most " + MAX_BATCH + " are allowed");
        }
        List<Trigger> triggers = new ArrayList<>();
        for (JsonNode item : batch) {
            if (!item.isObject()) {
                throw ApiException.badRequest("every batch entry must be an object");
            }
            triggers.add(readTrigger(item, false));
        }
        triggers.forEach(this::publish);
        if (triggers.stream().allMatch(trigger -> trigger.info() == null)) {
            return Map.of();
        }
        List<Object> info = triggers.stream()
                .<Object>map(trigger -> trigger.info() == null ? Map.of()
                        : channelInfo(trigger.channels(), trigger.info()).get(trigger.channels().get(0)))
                .toList();
        return Map.of("batch", info);
    }

    /** Occupied channels of this instance: {@code ?filter_by_prefix=&info=user_count}. */
    @GetMapping("/channels")
    Map<String, Object> channels(@PathVariable String appId, HttpServletRequest request) {
        authenticated(appId, request, new byte[0]);
        Map<String, String> query = HttpApiAuthenticator.parse(request.getQueryString());
        String prefix = query.getOrDefault("filter_by_prefix", "");
        boolean userCount = infoFields(query.get("info")).contains("user_count");
        Map<String, Object> channels = new LinkedHashMap<>();
        registry.occupiedChannels().forEach((channel, sockets) -> {
            if (channel.startsWith(prefix)) {
                channels.put(channel, userCount && ChannelNames.typeOf(channel) == ChannelType.PRESENCE
                        ? Map.of("user_count", registry.presenceUserIds(channel).size()) : Map.of());
            }
        });
        return Map.of("channels", channels);
    }

    @GetMapping("/channels/{channel}")
    Map<String, Object> channel(@PathVariable String appId, @PathVariable String channel, HttpServletRequest request) {
        authenticated(appId, request, new byte[0]);
        requireValidChannel(channel);
        Set<String> info = infoFields(HttpApiAuthenticator.parse(request.getQueryString()).get("info"));
        if (info.contains("user_count") && ChannelNames.typeOf(channel) != ChannelType.PRESENCE) {
            throw ApiException.badRequest("user_count is only available for presence channels");
        }
        int sockets = registry.subscriptionCount(channel);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("occupied", sockets > 0);
        if (info.contains("subscription_count")) {
            result.put("subscription_count", sockets);
        }
        if (info.contains("user_count")) {
            result.put("user_count", registry.presenceUserIds(channel).size());
        }
        return result;
    }

    @GetMapping("/channels/{channel}/users")
    Map<String, Object> users(@PathVariable String appId, @PathVariable String channel, HttpServletRequest request) {
        authenticated(appId, request, new byte[0]);
        requireValidChannel(channel);
        if (ChannelNames.typeOf(channel) != ChannelType.PRESENCE) {
            throw ApiException.badRequest("Users are only listed for presence channels");
        }
        return Map.of("users", registry.presenceUserIds(channel).stream().map(id -> Map.of("id", id)).toList());
    }

    private void publish(Trigger trigger) {
        for (String channel : trigger.channels()) {
            String frame = frames.channelEvent(channel, trigger.name(), trigger.data());
            registry.deliver(channel, frame, trigger.socketId());
            peers.channelEvent(channel, frame, trigger.socketId());
        }
        metrics.published(trigger.channels().size());
    }

    private Map<String, Object> channelInfo(List<String> channels, String info) {
        Set<String> fields = infoFields(info);
        Map<String, Object> result = new LinkedHashMap<>();
        for (String channel : channels) {
            Map<String, Object> channelInfo = new LinkedHashMap<>();
            if (fields.contains("subscription_count")) {
                channelInfo.put("subscription_count", registry.subscriptionCount(channel));
            }
            if (fields.contains("user_count") && ChannelNames.typeOf(channel) == ChannelType.PRESENCE) {
                channelInfo.put("user_count", registry.presenceUserIds(channel).size());
            }
            result.put(channel, channelInfo);
        }
        return result;
    }

    private Trigger readTrigger(JsonNode node, boolean manyChannels) {
        String name = text(node, "name");
        if (name == null || name.isEmpty()) {
            throw ApiException.badRequest("name is required: the event name");
        }
        if (name.length() > MAX_EVENT_NAME_LENGTH) {
            throw ApiException.badRequest("name is longer than " + MAX_EVENT_NAME_LENGTH + " characters");
        }
        JsonNode dataNode = node.get("data");
        if (dataNode == null || !dataNode.isString()) {
            throw ApiException.badRequest("data is required and must be a string (JSON-encode objects first)");
        }
        String data = dataNode.asString();
        int dataBytes = data.getBytes(StandardCharsets.UTF_8).length;
        if (dataBytes > maxEventBytes) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "data is " + dataBytes + " bytes; the limit is "
                    + maxEventBytes + " bytes");
        }
        List<String> channels = new ArrayList<>();
        JsonNode channelsNode = manyChannels ? node.get("channels") : null;
        if (channelsNode != null) {
            if (!channelsNode.isArray() || channelsNode.isEmpty()) {
                throw ApiException.badRequest("channels must be a non-empty array of channel names");
            }
            for (JsonNode channel : channelsNode) {
                if (!channel.isString()) {
                    throw ApiException.badRequest("channels must contain channel names (strings)");
                }
                channels.add(channel.asString());
            }
        } else {
            String channel = text(node, "channel");
            if (channel == null) {
                throw ApiException.badRequest(manyChannels ? "channels (or channel) is required" : "channel is required");
            }
            channels.add(channel);
        }
        if (channels.size() > MAX_CHANNELS_PER_EVENT) {
            throw ApiException.badRequest("an event may go to at most " + MAX_CHANNELS_PER_EVENT + " channels");
        }
        channels.forEach(this::requireValidChannel);
        JsonNode socketIdNode = node.get("socket_id");
        String socketId = null;
        if (socketIdNode != null && !socketIdNode.isNull()) {
            socketId = socketIdNode.isString() ? socketIdNode.asString() : null;
            if (!PusherSignatures.isValidSocketId(socketId)) {
                throw ApiException.badRequest("socket_id must look like 1234.5678");
            }
        }
        return new Trigger(name, data, List.copyOf(channels), socketId, text(node, "info"));
    }

    private void requireValidChannel(String channel) {
        ChannelNames.problemWith(channel).ifPresent(problem -> {
            throw ApiException.badRequest("Invalid channel " + abbreviate(channel) + ": " + problem);
        });
    }

    private JsonNode authenticatedBody(String appId, HttpServletRequest request) {
        byte[] body = readBody(request);
        authenticated(appId, request, body);
        JsonNode node;
        try {
            node = body.length == 0 ? null : json.readTree(body);
        } catch (JacksonException e) {
            throw ApiException.badRequest("Request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("Request body must be a JSON object");
        }
        return node;
    }

    private void authenticated(String appId, HttpServletRequest request, byte[] body) {
        if (!credentials.appId().equals(appId)) {
            throw ApiException.notFound("Unknown app id " + abbreviate(appId));
        }
        authenticator.verify(request.getMethod(), request.getRequestURI(), request.getQueryString(), body);
    }

    private byte[] readBody(HttpServletRequest request) {
        if (request.getContentLengthLong() > maxBodyBytes) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + maxBodyBytes + " bytes");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + maxBodyBytes + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw ApiException.badRequest("The request body could not be read");
        }
    }

    private static Set<String> infoFields(String info) {
        if (info == null || info.isBlank()) {
            return Set.of();
        }
        return new HashSet<>(Arrays.asList(info.replace(" ", "").split(",")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 60 ? String.valueOf(text) : text.substring(0, 57) + "...";
    }

    private record Trigger(String name, String data, List<String> channels, String socketId, String info) {
    }
}
