package io.portfoliochat.realtime.server;

import io.portfoliochat.realtime.channel.ChannelNames;
import io.portfoliochat.realtime.channel.ChannelType;
import io.portfoliochat.realtime.channel.PusherSignatures;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Pusher Channels protocol (versions 5 to 7) on {@code /app/{key}}: connection handshake, ping/pong,
 * subscriptions with signature checks, presence, client events and sign-in. Problems after the upgrade
 * are reported the Pusher way, a {@code pusher:error} (and a close code where the protocol wants one),
 * so the official clients react as they would with Pusher.
 */
final class PusherProtocolHandler extends AbstractWebSocketHandler {

    static final int ERROR_APP_DOES_NOT_EXIST = 4001;
    static final int ERROR_UNSUPPORTED_PROTOCOL = 4007;
    static final int ERROR_UNAUTHORIZED_CONNECTION = 4009;
    static final int ERROR_CLIENT_EVENT_RATE = 4301;
    private static final int MIN_PROTOCOL = 5;
    private static final int MAX_PROTOCOL = 7;
    private static final int MAX_EVENT_NAME_LENGTH = 200;
    private static final int MAX_USER_ID_LENGTH = 128;

    private static final Logger log = LoggerFactory.getLogger(PusherProtocolHandler.class);

    private final String appKey;
    private final PusherSignatures signatures;
    private final SocketServerProperties properties;
    private final ChannelRegistry registry;
    private final Frames frames;
    private final JsonMapper json;
    private final Executor socketControl;
    private final SocketServerMetrics metrics;
    private final Peers peers;
    private final int maxEventBytes;
    private final Connection.Limits limits;
    private final Map<String, Connection> bySession = new ConcurrentHashMap<>();

    PusherProtocolHandler(PusherSignatures signatures, SocketServerProperties properties, ChannelRegistry registry, Frames frames,
                          JsonMapper json, Executor socketControl, SocketServerMetrics metrics, Peers peers, int maxEventBytes) {
        this.appKey = signatures.key();
        this.signatures = signatures;
        this.properties = properties;
        this.registry = registry;
        this.frames = frames;
        this.json = json;
        this.socketControl = socketControl;
        this.metrics = metrics;
        this.peers = peers;
        this.maxEventBytes = maxEventBytes;
        this.limits = new Connection.Limits(properties.maxQueuedFrames(), properties.maxQueuedBytes().toBytes(),
                properties.clientEventsPerSecond());
    }

    Collection<Connection> connections() {
        return bySession.values();
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        URI uri = session.getUri();
        String path = uri == null ? "" : uri.getPath();
        String key = path.substring(path.lastIndexOf('/') + 1);
        if (!appKey.equals(key)) {
            refuse(session, ERROR_APP_DOES_NOT_EXIST, "App key " + abbreviate(key) + " does not exist on this server");
            return;
        }
        String protocol = uri.getRawQuery() == null ? null
                : UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst("protocol");
        if (!supported(protocol)) {
            refuse(session, ERROR_UNSUPPORTED_PROTOCOL,
                    "Unsupported protocol version " + abbreviate(String.valueOf(protocol)) + "; supported: 5 to 7");
            return;
        }
        Connection connection = new Connection(newSocketId(), JakartaFrameSink.of(session, properties.sendTimeout()), limits,
                socketControl, metrics::frameWritten, metrics::closedByServer);
        bySession.put(session.getId(), connection);
        connection.send(frames.connectionEstablished(connection.socketId(), properties.activityTimeout().toSeconds()));
    }

    /** Completes the upgrade, then reports the problem the Pusher way so clients do not retry forever. */
    private void refuse(WebSocketSession session, int code, String message) throws Exception {
        session.sendMessage(new TextMessage(frames.error(code, message)));
        session.close(new CloseStatus(code, abbreviate(message)));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        Connection connection = bySession.get(session.getId());
        if (connection == null) {
            return;
        }
        connection.touched();
        JsonNode frame;
        try {
            frame = json.readTree(message.getPayload());
        } catch (JacksonException e) {
            connection.send(frames.error(null, "Invalid message: not JSON"));
            return;
        }
        String event = frame != null && frame.isObject() ? text(frame, "event") : null;
        if (event == null) {
            connection.send(frames.error(null, "Invalid message: expected a JSON object with an \"event\""));
            return;
        }
        switch (event) {
            case Frames.PING -> connection.send(frames.pong());
            case Frames.PONG -> {
                // touched() above is all a pong is for
            }
            case Frames.SUBSCRIBE -> subscribe(connection, dataOf(frame));
            case Frames.UNSUBSCRIBE -> {
                String channel = text(dataOf(frame), "channel");
                if (channel != null) {
                    registry.unsubscribe(connection, channel);
                }
            }
            case Frames.SIGNIN -> signin(connection, dataOf(frame));
            default -> {
                if (event.startsWith(Frames.CLIENT_EVENT_PREFIX)) {
                    clientEvent(connection, event, frame);
                } else if (!event.startsWith("pusher:")) {
                    connection.send(frames.error(null, "Unknown event " + abbreviate(event)
                            + ": clients may send pusher:* protocol messages and client-* events"));
                }
            }
        }
    }

    private void subscribe(Connection connection, JsonNode data) {
        String channel = text(data, "channel");
        Optional<String> invalid = ChannelNames.problemWith(channel);
        if (invalid.isPresent()) {
            connection.send(frames.subscriptionError(channel == null ? "" : abbreviate(channel), "InvalidChannel",
                    "Invalid channel: " + invalid.get(), 400));
            return;
        }
        ChannelType type = ChannelNames.typeOf(channel);
        String auth = text(data, "auth");
        if (type == ChannelType.PRESENCE) {
            subscribePresence(connection, channel, auth, data.path("channel_data"));
            return;
        }
        if (type.needsAuthorization()
                && !PusherSignatures.matches(signatures.channelAuth(connection.socketId(), channel), auth)) {
            authFailed(connection, channel, auth);
            return;
        }
        registry.subscribe(connection, channel);
    }

    private void subscribePresence(Connection connection, String channel, String auth, JsonNode channelDataNode) {
        String channelData = channelDataNode.isString() ? channelDataNode.asString() : null;
        if (channelData == null || !PusherSignatures.matches(signatures.presenceAuth(connection.socketId(), channel, channelData), auth)) {
            authFailed(connection, channel, auth);
            return;
        }
        Optional<PresenceMember> member = parseMember(channelData);
        if (member.isEmpty()) {
            connection.send(frames.subscriptionError(channel, "InvalidChannelData",
                    "channel_data must be a JSON object with a user_id of at most " + MAX_USER_ID_LENGTH
                            + " characters and a user_info of at most " + properties.maxUserInfoBytes() + " bytes", 400));
            return;
        }
        registry.joinPresence(connection, channel, member.get(), properties.maxPresenceMembers())
                .ifPresent(problem -> connection.send(frames.subscriptionError(channel, "LimitReached", problem, 403)));
    }

    private void authFailed(Connection connection, String channel, String auth) {
        String reason = auth == null ? "no auth signature" : "the auth signature is not valid for this socket and channel";
        connection.send(frames.subscriptionError(channel, "AuthError", "Subscription to " + channel + " refused: " + reason, 401));
    }

    private Optional<PresenceMember> parseMember(String channelData) {
        JsonNode node;
        try {
            node = json.readTree(channelData);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        JsonNode userId = node.get("user_id");
        if (userId == null || !(userId.isString() || userId.isIntegralNumber())) {
            return Optional.empty();
        }
        String id = userId.asString();
        if (id.isEmpty() || id.length() > MAX_USER_ID_LENGTH) {
            return Optional.empty();
        }
        JsonNode info = node.get("user_info");
        if (info == null || info.isNull()) {
            return Optional.of(new PresenceMember(id, null));
        }
        if (json.writeValueAsBytes(info).length > properties.maxUserInfoBytes()) {
            return Optional.empty();
        }
        return Optional.of(new PresenceMember(id, info));
    }

    private void clientEvent(Connection connection, String event, JsonNode frame) {
        String channel = text(frame, "channel");
        if (channel == null || !connection.channels().contains(channel)) {
            connection.send(frames.error(null, "Client event " + abbreviate(event) + " rejected: not subscribed to channel "
                    + abbreviate(String.valueOf(channel))));
            return;
        }
        if (!ChannelNames.typeOf(channel).allowsClientEvents()) {
            connection.send(frames.error(null, "Client event " + abbreviate(event)
                    + " rejected: client events are only allowed on private and presence channels"));
            return;
        }
        if (event.length() > MAX_EVENT_NAME_LENGTH) {
            connection.send(frames.error(null, "Client event rejected: the event name is longer than " + MAX_EVENT_NAME_LENGTH));
            return;
        }
        JsonNode data = frame.get("data");
        if (data != null && (data.isString() ? data.asString().getBytes(StandardCharsets.UTF_8).length
                : json.writeValueAsBytes(data).length) > maxEventBytes) {
            connection.send(frames.error(null, "Client event rejected: data is larger than " + maxEventBytes + " bytes"));
            return;
        }
        if (!connection.allowClientEvent(System.nanoTime())) {
            connection.send(frames.error(ERROR_CLIENT_EVENT_RATE, "Client event rejected - only "
                    + properties.clientEventsPerSecond() + " client events per second are allowed"));
            return;
        }
        String outbound = frames.clientEvent(channel, event, data, connection.presenceUsers().get(channel));
        registry.deliver(channel, outbound, connection);
        peers.channelEvent(channel, outbound, connection.socketId());
        metrics.clientEvent();
    }

    private void signin(Connection connection, JsonNode data) {
        String auth = text(data, "auth");
        String userData = text(data, "user_data");
        boolean valid = userData != null && PusherSignatures.matches(signatures.userAuth(connection.socketId(), userData), auth);
        JsonNode user = null;
        if (valid) {
            try {
                user = json.readTree(userData);
            } catch (JacksonException e) {
                valid = false;
            }
        }
        if (!valid || user == null || text(user, "id") == null || text(user, "id").isEmpty()) {
            connection.sendThenClose(frames.error(ERROR_UNAUTHORIZED_CONNECTION, "Sign-in refused: invalid auth or user_data"),
                    new CloseStatus(ERROR_UNAUTHORIZED_CONNECTION, "Unauthorized"));
            return;
        }
        connection.send(frames.signinSuccess(userData));
    }

    /** Client data may come as an object or as a JSON-encoded string (or not at all); both mean the same. */
    private JsonNode dataOf(JsonNode frame) {
        JsonNode data = frame.get("data");
        if (data != null && data.isString()) {
            try {
                JsonNode parsed = json.readTree(data.asString());
                return parsed == null ? json.createObjectNode() : parsed;
            } catch (JacksonException e) {
                return json.createObjectNode();
            }
        }
        return data == null ? json.createObjectNode() : data;
    }

    @Override
    protected void handlePongMessage(WebSocketSession session, PongMessage message) {
        Connection connection = bySession.get(session.getId());
        if (connection != null) {
            connection.touched();
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("Transport error on {}: {}", session.getId(), exception.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Connection connection = bySession.remove(session.getId());
        if (connection != null) {
            connection.closedByTransport();
            registry.disconnected(connection);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    private static boolean supported(String protocol) {
        try {
            int version = Integer.parseInt(protocol);
            return version >= MIN_PROTOCOL && version <= MAX_PROTOCOL;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String newSocketId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return random.nextInt(1, Integer.MAX_VALUE) + "." + random.nextInt(1, Integer.MAX_VALUE);
    }

    /** Client-supplied text in messages and close reasons stays short (a close reason is at most 123 bytes). */
    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
