package io.portfoliochat.realtime.server;

import io.portfoliochat.realtime.channel.ChannelNames;
import io.portfoliochat.realtime.status.OwnerPresence;

/** Self-hosted: the presence roster of presence-admin-chat, across instances (peers report their members). */
final class OwnerPresenceOnThisServer implements OwnerPresence {

    private final ChannelRegistry registry;

    OwnerPresenceOnThisServer(ChannelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Boolean ownerOnline() {
        return !registry.presenceUserIds(ChannelNames.ADMIN_PRESENCE).isEmpty();
    }
}
