package io.portfoliochat.testsupport;

import static org.awaitility.Awaitility.await;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.Channel;
import com.pusher.client.channel.PresenceChannel;
import com.pusher.client.channel.PresenceChannelEventListener;
import com.pusher.client.channel.PrivateChannel;
import com.pusher.client.channel.PrivateChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.channel.User;
import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.ConnectionStateChange;
import com.pusher.client.util.HttpChannelAuthorizer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The official pusher-java-client pointed at a running Pusher-protocol server (ours, directly or through the gateway), recording everything
 * it sees: events per channel, subscription outcomes, presence members, connection errors.
 */
public final class PusherTestClient implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Pusher pusher;
    private final List<PusherEvent> events = new CopyOnWriteArrayList<>();
    private final Set<String> subscribed = ConcurrentHashMap.newKeySet();
    private final Map<String, String> authFailures = new ConcurrentHashMap<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<String> membersAdded = new CopyOnWriteArrayList<>();
    private final List<String> membersRemoved = new CopyOnWriteArrayList<>();

    private PusherTestClient(Pusher pusher) {
        this.pusher = pusher;
    }

    /** Connects to {@code localhost:port} with the app key; channel authorization goes to {@code /api/pusher/auth} on the same host and port, with these headers. */
    public static PusherTestClient connect(int port, String appKey, Map<String, String> authHeaders) {
        HttpChannelAuthorizer authorizer = new HttpChannelAuthorizer("http://localhost:" + port + "/api/pusher/auth");
        authorizer.setHeaders(authHeaders);
        PusherOptions options = new PusherOptions().setHost("localhost").setWsPort(port).setUseTLS(false)
                .setChannelAuthorizer(authorizer).setMaxReconnectionAttempts(0);
        return connect(new Pusher(appKey, options));
    }

    public static PusherTestClient connect(Pusher pusher) {
        PusherTestClient client = new PusherTestClient(pusher);
        pusher.connect(new ConnectionEventListener() {
            @Override
            public void onConnectionStateChange(ConnectionStateChange change) {
            }

            @Override
            public void onError(String message, String code, Exception e) {
                client.errors.add(code + " " + message);
            }
        }, ConnectionState.ALL);
        await().atMost(WAIT).until(() -> pusher.getConnection().getState() == ConnectionState.CONNECTED);
        return client;
    }

    public Pusher pusher() {
        return pusher;
    }

    public String socketId() {
        return pusher.getConnection().getSocketId();
    }

    public Channel subscribe(String channel, String... eventNames) {
        return pusher.subscribe(channel, new PrivateListener(channel), eventNames);
    }

    public PrivateChannel subscribePrivate(String channel, String... eventNames) {
        return pusher.subscribePrivate(channel, new PrivateListener(channel), eventNames);
    }

    public PresenceChannel subscribePresence(String channel, String... eventNames) {
        return pusher.subscribePresence(channel, new PresenceListener(channel), eventNames);
    }

    public void awaitSubscribed(String channel) {
        await().atMost(WAIT).until(() -> subscribed.contains(channel) || authFailures.containsKey(channel));
        if (!subscribed.contains(channel)) {
            throw new AssertionError("Subscription to " + channel + " failed: " + authFailures.get(channel));
        }
    }

    public String awaitAuthFailure(String channel) {
        await().atMost(WAIT).until(() -> authFailures.containsKey(channel));
        return authFailures.get(channel);
    }

    public boolean isSubscribed(String channel) {
        return subscribed.contains(channel);
    }

    public List<PusherEvent> events() {
        return List.copyOf(events);
    }

    public List<PusherEvent> events(String channel, String eventName) {
        return events.stream().filter(event -> channel.equals(event.getChannelName()) && eventName.equals(event.getEventName())).toList();
    }

    public PusherEvent awaitEvent(String channel, String eventName) {
        return awaitEvent(channel, eventName, event -> true);
    }

    public PusherEvent awaitEvent(String channel, String eventName, Predicate<PusherEvent> matching) {
        return await().atMost(WAIT).until(() -> events(channel, eventName).stream().filter(matching).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    public List<PusherEvent> awaitEvents(String channel, String eventName, int count) {
        return await().atMost(WAIT).until(() -> events(channel, eventName), list -> list.size() >= count);
    }

    public List<String> errors() {
        return List.copyOf(errors);
    }

    public List<String> membersAdded() {
        return List.copyOf(membersAdded);
    }

    public List<String> membersRemoved() {
        return List.copyOf(membersRemoved);
    }

    public void disconnect() {
        pusher.disconnect();
        await().atMost(WAIT).until(() -> pusher.getConnection().getState() == ConnectionState.DISCONNECTED);
    }

    @Override
    public void close() {
        if (pusher.getConnection().getState() != ConnectionState.DISCONNECTED) {
            pusher.disconnect();
        }
    }

    private class PrivateListener implements PrivateChannelEventListener {

        private final String channel;

        PrivateListener(String channel) {
            this.channel = channel;
        }

        @Override
        public void onSubscriptionSucceeded(String channelName) {
            subscribed.add(channelName);
        }

        @Override
        public void onAuthenticationFailure(String message, Exception e) {
            authFailures.put(channel, message == null ? String.valueOf(e) : message);
        }

        @Override
        public void onEvent(PusherEvent event) {
            events.add(event);
        }
    }

    private final class PresenceListener extends PrivateListener implements PresenceChannelEventListener {

        PresenceListener(String channel) {
            super(channel);
        }

        @Override
        public void onUsersInformationReceived(String channelName, Set<User> users) {
        }

        @Override
        public void userSubscribed(String channelName, User user) {
            membersAdded.add(user.getId());
        }

        @Override
        public void userUnsubscribed(String channelName, User user) {
            membersRemoved.add(user == null ? null : user.getId());
        }
    }
}
