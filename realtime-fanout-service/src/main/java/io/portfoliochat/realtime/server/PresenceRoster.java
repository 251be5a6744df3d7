package io.portfoliochat.realtime.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Who is on one presence channel: users with sockets on this instance (counted per socket, so a user
 * with three tabs is one member) and users that peer instances reported. Not thread-safe: the
 * {@link ChannelRegistry} guards it.
 */
final class PresenceRoster {

    private final Map<String, LocalUser> local = new LinkedHashMap<>();
    /** user id → peer instance → user_info. */
    private final Map<String, Map<String, JsonNode>> remote = new LinkedHashMap<>();

    private static final class LocalUser {
        private final JsonNode info;
        private final Set<Connection> sockets = Collections.newSetFromMap(new IdentityHashMap<>());

        private LocalUser(JsonNode info) {
            this.info = info;
        }
    }

    boolean isPresent(String userId) {
        return local.containsKey(userId) || remote.containsKey(userId);
    }

    int count() {
        int count = local.size();
        for (String userId : remote.keySet()) {
            if (!local.containsKey(userId)) {
                count++;
            }
        }
        return count;
    }

    boolean isEmpty() {
        return local.isEmpty() && remote.isEmpty();
    }

    /** Distinct members: this instance's first, then the peers'. */
    List<PresenceMember> members() {
        List<PresenceMember> members = new ArrayList<>();
        local.forEach((userId, user) -> members.add(new PresenceMember(userId, user.info)));
        remote.forEach((userId, byPeer) -> {
            if (!local.containsKey(userId)) {
                members.add(new PresenceMember(userId, byPeer.values().iterator().next()));
            }
        });
        return members;
    }

    List<PresenceMember> localMembers() {
        List<PresenceMember> members = new ArrayList<>();
        local.forEach((userId, user) -> members.add(new PresenceMember(userId, user.info)));
        return members;
    }

    /** @return true when this is the user's first socket here */
    boolean addLocal(PresenceMember member, Connection socket) {
        LocalUser user = local.computeIfAbsent(member.userId(), id -> new LocalUser(member.userInfo()));
        user.sockets.add(socket);
        return user.sockets.size() == 1;
    }

    JsonNode localInfo(String userId) {
        LocalUser user = local.get(userId);
        return user == null ? null : user.info;
    }

    /** @return true when that was the user's last socket here */
    boolean removeLocal(String userId, Connection socket) {
        LocalUser user = local.get(userId);
        if (user == null || !user.sockets.remove(socket)) {
            return false;
        }
        if (user.sockets.isEmpty()) {
            local.remove(userId);
            return true;
        }
        return false;
    }

    boolean hasRemote(String peer, String userId) {
        Map<String, JsonNode> byPeer = remote.get(userId);
        return byPeer != null && byPeer.containsKey(peer);
    }

    void addRemote(String peer, PresenceMember member) {
        remote.computeIfAbsent(member.userId(), id -> new LinkedHashMap<>()).put(peer, member.userInfo());
    }

    /** @return true when the peer had reported that user */
    boolean removeRemote(String peer, String userId) {
        Map<String, JsonNode> byPeer = remote.get(userId);
        if (byPeer == null || !byPeer.containsKey(peer)) {
            return false;
        }
        byPeer.remove(peer);
        if (byPeer.isEmpty()) {
            remote.remove(userId);
        }
        return true;
    }

    List<String> remoteUsersOf(String peer) {
        List<String> users = new ArrayList<>();
        remote.forEach((userId, byPeer) -> {
            if (byPeer.containsKey(peer)) {
                users.add(userId);
            }
        });
        return users;
    }
}
