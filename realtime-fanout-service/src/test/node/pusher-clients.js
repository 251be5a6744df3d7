// Runs the official Pusher Node libraries against a self-hosted realtime-fanout-service:
// pusher-js (the browser client, Node build) subscribes; the `pusher` server library publishes.
// Prints one JSON document describing what happened; NodePusherJsTest asserts on it.
'use strict';
const PusherClient = require('pusher-js');
const PusherServer = require('pusher');

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const port = Number(env('REALTIME_PORT'));
const key = env('REALTIME_KEY');
const conversation = Number(env('VISITOR_CONVERSATION'));
const ownChannel = `private-conversation-${conversation}`;
const otherChannel = `private-conversation-${conversation + 1}`;

const result = { steps: [] };
const clients = [];

function client(headers) {
  const pusher = new PusherClient(key, {
    cluster: 'self-hosted',
    wsHost: 'localhost',
    wsPort: port,
    forceTLS: false,
    enabledTransports: ['ws'],
    channelAuthorization: { endpoint: `http://localhost:${port}/api/pusher/auth`, transport: 'ajax', headers },
  });
  clients.push(pusher);
  return pusher;
}

function within(ms, what, executor) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms);
    executor((value) => { clearTimeout(timer); resolve(value); }, (error) => { clearTimeout(timer); reject(error); });
  });
}

const connected = (pusher) => within(15000, 'connect', (resolve, reject) => {
  if (pusher.connection.state === 'connected') return resolve(pusher.connection.socket_id);
  pusher.connection.bind('connected', () => resolve(pusher.connection.socket_id));
  pusher.connection.bind('failed', () => reject(new Error('connection failed')));
});

const subscribed = (pusher, name) => within(15000, `subscribe ${name}`, (resolve, reject) => {
  const channel = pusher.subscribe(name);
  channel.bind('pusher:subscription_succeeded', (data) => resolve({ channel, data }));
  channel.bind('pusher:subscription_error', (error) => reject(new Error(`${name} refused: ${JSON.stringify(error)}`)));
});

const refused = (pusher, name) => within(15000, `refusal of ${name}`, (resolve, reject) => {
  const channel = pusher.subscribe(name);
  channel.bind('pusher:subscription_succeeded', () => reject(new Error(`${name} was not refused`)));
  channel.bind('pusher:subscription_error', (error) => resolve(error));
});

const next = (channel, event, count = 1) => within(15000, `${count} x ${event} on ${channel.name}`, (resolve) => {
  const seen = [];
  channel.bind(event, (data, metadata) => {
    seen.push({ data, userId: metadata && metadata.user_id });
    if (seen.length === count) resolve(count === 1 ? seen[0] : seen);
  });
});

async function main() {
  const admin = client({ Authorization: `Bearer ${env('ADMIN_TOKEN')}` });
  const otherAdmin = client({ Authorization: `Bearer ${env('OTHER_ADMIN_TOKEN')}` });
  const visitor = client({ 'X-Session-Token': env('VISITOR_TOKEN') });
  const server = new PusherServer({
    appId: env('REALTIME_APP_ID'), key, secret: env('REALTIME_SECRET'), host: 'localhost', port: String(port), useTLS: false,
  });

  result.socketIds = await Promise.all([connected(admin), connected(otherAdmin), connected(visitor)]);
  result.steps.push('connected');

  const publicNews = (await subscribed(admin, 'public-news')).channel;
  const adminConversation = (await subscribed(admin, ownChannel)).channel;
  const visitorConversation = (await subscribed(visitor, ownChannel)).channel;
  result.visitorRefused = {
    otherConversation: (await refused(visitor, otherChannel)).status,
    adminNotifications: (await refused(visitor, 'private-admin-notifications')).status,
  };
  result.steps.push('subscribed');

  const adminPresence = await subscribed(admin, 'presence-admin-chat');
  result.presenceOnJoin = { count: adminPresence.data.count, me: adminPresence.data.me };
  const memberAdded = within(15000, 'member_added', (resolve) => adminPresence.channel.bind('pusher:member_added', resolve));
  const otherPresence = await subscribed(otherAdmin, 'presence-admin-chat');
  const added = await memberAdded;
  result.memberAdded = { id: added.id, info: added.info };
  result.presenceOfSecondAdmin = { count: otherPresence.data.count, ids: Object.keys(otherPresence.data.members).sort() };
  result.steps.push('presence');

  const typingAtAdmin = next(adminConversation, 'client-typing');
  let echoed = false;
  visitorConversation.bind('client-typing', () => { echoed = true; });
  visitorConversation.trigger('client-typing', { senderType: 'visitor', isTyping: true });
  result.clientEvent = (await typingAtAdmin).data;
  result.steps.push('client-event');

  const atVisitor = next(visitorConversation, 'new-message');
  const atAdmin = next(adminConversation, 'new-message');
  await server.trigger(ownChannel, 'new-message', { id: 1, seq: 1, content: 'Halo dari Node' });
  result.newMessage = { visitor: (await atVisitor).data, admin: (await atAdmin).data };
  result.clientEventEchoedToSender = echoed;

  const batch = next(publicNews, 'headline', 3);
  await server.triggerBatch([1, 2, 3].map((n) => ({ channel: 'public-news', name: 'headline', data: { n } })));
  result.batch = (await batch).map((event) => event.data.n);

  const excluded = next(publicNews, 'excluded-then-not');
  await server.trigger('public-news', 'excluded-then-not', { n: 1 }, { socket_id: admin.connection.socket_id });
  await server.trigger('public-news', 'excluded-then-not', { n: 2 });
  result.exclusion = (await excluded).data.n;
  result.steps.push('published');

  const channels = await server.get({ path: '/channels', params: { filter_by_prefix: 'presence-', info: 'user_count' } });
  result.channelsQuery = await channels.json();

  const memberRemoved = within(15000, 'member_removed', (resolve) => adminPresence.channel.bind('pusher:member_removed', resolve));
  otherAdmin.disconnect();
  result.memberRemoved = (await memberRemoved).id;
  result.steps.push('left');
}

main()
  .catch((error) => { result.error = String(error && error.message ? error.message : error); })
  .finally(() => {
    clients.forEach((pusher) => pusher.disconnect());
    process.stdout.write(JSON.stringify(result) + '\n');
    setTimeout(() => process.exit(result.error ? 1 : 0), 100);
  });
