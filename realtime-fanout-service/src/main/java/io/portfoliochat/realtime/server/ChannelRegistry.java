package io.portfoliochat.realtime.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Which sockets of this instance are subscribed to which channel, and who is on each presence channel.
 * Delivery to a channel only queues frames on its sockets, so it never blocks. Presence changes are rare
 * (admins' tabs) and take one lock, inside which the frames are queued too, so every subscriber sees
 * joins and leaves in one consistent order, after its own subscription_succeeded.
 */
final class ChannelRegistry {

    private final Map<String, Set<Connection>> subscribers = new ConcurrentHashMap<>();
    private final Object presenceLock = new Object();
    private final Map<String, PresenceRoster> rosters = new HashMap<>();
    private final Frames frames;
    private volatile Peers peers = Peers.NONE;

    ChannelRegistry(Frames frames) {
        this.frames = frames;
    }

    void connectPeers(Peers peers) {
        this.peers = peers;
    }

    /** Public and private channels. */
    void subscribe(Connection socket, String channel) {
        addSubscriber(socket, channel);
        socket.send(frames.subscriptionSucceeded(channel));
    }

    /**
     * Joins a presence channel; the user's first socket (here or on a peer) announces the member to the others.
     *
     * @return why the join was refused, if it was
     */
    Optional<String> joinPresence(Connection socket, String channel, PresenceMember member, int maxMembers) {
        synchronized (presenceLock) {
            if (socket.presenceUsers().containsKey(channel)) {
                leaveLocked(socket, channel);
            }
            PresenceRoster roster = rosters.computeIfAbsent(channel, name -> new PresenceRoster());
            boolean wasPresent = roster.isPresent(member.userId());
            if (!wasPresent && roster.count() >= maxMembers) {
                if (roster.isEmpty()) {
                    rosters.remove(channel);
                }
                return Optional.of("Presence channel " + channel + " already has the maximum of " + maxMembers + " members");
            }
            boolean firstHere = roster.addLocal(member, socket);
            socket.presenceUsers().put(channel, member.userId());
            addSubscriber(socket, channel);
            socket.send(frames.presenceSubscriptionSucceeded(channel, roster.members()));
            if (!wasPresent) {
                deliver(channel, frames.memberAdded(channel, member), socket);
            }
            if (firstHere) {
                peers.presenceChanged(channel, new PresenceMember(member.userId(), roster.localInfo(member.userId())), true);
            }
            return Optional.empty();
        }
    }

    void unsubscribe(Connection socket, String channel) {
        if (socket.presenceUsers().containsKey(channel)) {
            synchronized (presenceLock) {
                leaveLocked(socket, channel);
            }
        } else {
            removeSubscriber(socket, channel);
        }
    }

    void disconnected(Connection socket) {
        for (String channel : List.copyOf(socket.channels())) {
            unsubscribe(socket, channel);
        }
    }

    private void leaveLocked(Connection socket, String channel) {
        String userId = socket.presenceUsers().remove(channel);
        removeSubscriber(socket, channel);
        PresenceRoster roster = rosters.get(channel);
        if (roster == null || userId == null) {
            return;
        }
        if (roster.removeLocal(userId, socket)) {
            peers.presenceChanged(channel, new PresenceMember(userId, null), false);
        }
        if (!roster.isPresent(userId)) {
            deliver(channel, frames.memberRemoved(channel, userId), (Connection) null);
        }
        if (roster.isEmpty()) {
            rosters.remove(channel);
        }
    }

    /** Queues a frame on every socket of the channel but one; returns how many got it. */
    int deliver(String channel, String frame, Connection except) {
        return deliver(channel, frame, socket -> socket == except);
    }

    /** The same, leaving out the socket with that socket id (the HTTP API's {@code socket_id}). */
    int deliver(String channel, String frame, String exceptSocketId) {
        return deliver(channel, frame, socket -> socket.socketId().equals(exceptSocketId));
    }

    private int deliver(String channel, String frame, Predicate<Connection> leftOut) {
        Set<Connection> sockets = subscribers.get(channel);
        if (sockets == null) {
            return 0;
        }
        int delivered = 0;
        for (Connection socket : sockets) {
            if (!leftOut.test(socket)) {
                socket.send(frame);
                delivered++;
            }
        }
        return delivered;
    }

    /** A peer's user joined (its first socket there) or left (its last). */
    void peerPresence(String peer, String channel, PresenceMember member, boolean present) {
        synchronized (presenceLock) {
            if (present) {
                addPeerMemberLocked(peer, channel, member);
            } else {
                removePeerMemberLocked(peer, channel, member.userId());
            }
        }
    }

    /** Everything a peer has on presence channels right now; replaces what it said before. */
    void peerSnapshot(String peer, Map<String, List<PresenceMember>> channels) {
        synchronized (presenceLock) {
            for (Map.Entry<String, PresenceRoster> entry : List.copyOf(rosters.entrySet())) {
                List<String> listed = channels.getOrDefault(entry.getKey(), List.of()).stream().map(PresenceMember::userId).toList();
                for (String userId : entry.getValue().remoteUsersOf(peer)) {
                    if (!listed.contains(userId)) {
                        removePeerMemberLocked(peer, entry.getKey(), userId);
                    }
                }
            }
            channels.forEach((channel, members) -> {
                for (PresenceMember member : members) {
                    PresenceRoster roster = rosters.get(channel);
                    if (roster == null || !roster.hasRemote(peer, member.userId())) {
                        addPeerMemberLocked(peer, channel, member);
                    }
                }
            });
        }
    }

    /** A peer stopped answering: its members are gone. */
    void forgetPeer(String peer) {
        peerSnapshot(peer, Map.of());
    }

    /** The members with sockets on this instance, per presence channel, for the peers. */
    Map<String, List<PresenceMember>> localPresence() {
        synchronized (presenceLock) {
            Map<String, List<PresenceMember>> local = new LinkedHashMap<>();
            rosters.forEach((channel, roster) -> {
                List<PresenceMember> members = roster.localMembers();
                if (!members.isEmpty()) {
                    local.put(channel, members);
                }
            });
            return local;
        }
    }

    private void addPeerMemberLocked(String peer, String channel, PresenceMember member) {
        PresenceRoster roster = rosters.computeIfAbsent(channel, name -> new PresenceRoster());
        boolean wasPresent = roster.isPresent(member.userId());
        roster.addRemote(peer, member);
        if (!wasPresent) {
            deliver(channel, frames.memberAdded(channel, member), (Connection) null);
        }
    }

    private void removePeerMemberLocked(String peer, String channel, String userId) {
        PresenceRoster roster = rosters.get(channel);
        if (roster == null) {
            return;
        }
        if (roster.removeRemote(peer, userId) && !roster.isPresent(userId)) {
            deliver(channel, frames.memberRemoved(channel, userId), (Connection) null);
        }
        if (roster.isEmpty()) {
            rosters.remove(channel);
        }
    }

    /** Occupied channels of this instance and their socket counts. */
    Map<String, Integer> occupiedChannels() {
        Map<String, Integer> occupied = new LinkedHashMap<>();
        subscribers.forEach((channel, sockets) -> {
            if (!sockets.isEmpty()) {
                occupied.put(channel, sockets.size());
            }
        });
        return occupied;
    }

    int subscriptionCount(String channel) {
        Set<Connection> sockets = subscribers.get(channel);
        return sockets == null ? 0 : sockets.size();
    }

    /** The user ids on a presence channel, across instances. */
    List<String> presenceUserIds(String channel) {
        synchronized (presenceLock) {
            PresenceRoster roster = rosters.get(channel);
            return roster == null ? List.of() : new ArrayList<>(roster.members().stream().map(PresenceMember::userId).toList());
        }
    }

    private void addSubscriber(Connection socket, String channel) {
        subscribers.compute(channel, (name, sockets) -> {
            Set<Connection> set = sockets == null ? ConcurrentHashMap.newKeySet() : sockets;
            set.add(socket);
            return set;
        });
        socket.channels().add(channel);
    }

    private void removeSubscriber(Connection socket, String channel) {
        socket.channels().remove(channel);
        subscribers.computeIfPresent(channel, (name, sockets) -> {
            sockets.remove(socket);
            return sockets.isEmpty() ? null : sockets;
        });
    }
}
