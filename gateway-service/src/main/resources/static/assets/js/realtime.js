// pusher-js (window.Pusher, from /vendor/pusher.min.js) configured at run time from GET /api/chat/config.
import { api } from './api.js';

/**
 * @param {() => Record<string,string>} authHeaders the headers for channel authorization, read at each subscription
 *        (a visitor's session token can be replaced while the page is open)
 */
export async function connectRealtime(authHeaders) {
  const config = await api('/api/chat/config');
  const options = {
    cluster: config.pusherCluster,
    forceTLS: Boolean(config.forceTLS),
    enabledTransports: config.enabledTransports,
    disableStats: true,
    channelAuthorization: {
      endpoint: config.authEndpoint || '/api/pusher/auth',
      transport: 'ajax',
      headersProvider: authHeaders,
    },
  };
  if (config.wsHost) {
    options.wsHost = config.wsHost;
    options.wsPort = config.wsPort;
    options.wssPort = config.wssPort ?? config.wsPort;
  }
  return new window.Pusher(config.pusherKey, options);
}

/**
 * Calls onReconnect each time the connection comes back after it was lost (not on the first connect):
 * Pusher never replays what was published meanwhile.
 */
export function onReconnect(pusher, onReconnect) {
  let wasConnected = false;
  pusher.connection.bind('state_change', ({ current }) => {
    if (current === 'connected') {
      if (wasConnected) {
        onReconnect();
      }
      wasConnected = true;
    }
  });
}

/** Sends client-typing on a channel at most every few seconds while typing, and false once idle or sent. */
export class TypingSignal {
  constructor(senderType, { repeatMs = 2500, idleMs = 3000 } = {}) {
    this.senderType = senderType;
    this.repeatMs = repeatMs;
    this.idleMs = idleMs;
    this.channel = null;
    this.lastSent = 0;
    this.idleTimer = null;
  }

  attach(channel) {
    this.stop();
    this.channel = channel;
  }

  typing() {
    if (!this.channel || !this.channel.subscribed) {
      return;
    }
    const now = Date.now();
    if (now - this.lastSent > this.repeatMs) {
      this.lastSent = now;
      this.channel.trigger('client-typing', { senderType: this.senderType, isTyping: true });
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stop(), this.idleMs);
  }

  stop() {
    clearTimeout(this.idleTimer);
    if (this.lastSent && this.channel && this.channel.subscribed) {
      this.channel.trigger('client-typing', { senderType: this.senderType, isTyping: false });
    }
    this.lastSent = 0;
  }
}
