package io.portfoliochat.realtime.server;

/**
 * The other instances of a scaled-out self-hosted server. Events from Kafka reach every instance by
 * themselves; what only one instance sees (an HTTP API publish, a client event, presence of its
 * sockets) is passed on through here.
 */
interface Peers {

    /** A frame for a channel's subscribers, published or sent through this instance. */
    void channelEvent(String channel, String frame, String excludeSocketId);

    /** A user's first socket on this instance joined a presence channel, or its last one left. */
    void presenceChanged(String channel, PresenceMember member, boolean present);

    Peers NONE = new Peers() {
        @Override
        public void channelEvent(String channel, String frame, String excludeSocketId) {
        }

        @Override
        public void presenceChanged(String channel, PresenceMember member, boolean present) {
        }
    };
}
