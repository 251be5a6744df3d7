// The visitor's /chat page.
import { api, ApiError, newClientMessageId, sendWithRetry } from './api.js';
import { ConversationLog } from './conversation.js';
import { $, show } from './dom.js';
import { connectRealtime, onReconnect, TypingSignal } from './realtime.js';
import { bindMuteButton, Chime } from './sound.js';

const SESSION_KEY = 'portfoliochat.visitor.session';
const HUMAN_REQUEST = "I'd like to talk to a human, please.";
const STATUS_REFRESH_MS = 60000;

const ui = {
  ownerName: $('owner-name'),
  status: $('owner-status'),
  statusText: $('owner-status-text'),
  welcome: $('welcome-text'),
  loadOlder: $('load-older'),
  notice: $('notice'),
  error: $('error'),
  composer: $('composer'),
  intro: $('intro'),
  name: $('visitor-name'),
  email: $('visitor-email'),
  input: $('composer-input'),
  send: $('send'),
  askHuman: $('ask-human'),
};

const state = {
  token: localStorage.getItem(SESSION_KEY),
  conversationId: null,
  ownerName: null,
  ownerStatus: null,
  connection: 'connecting',
  pusher: null,
  channel: null,
  aiHandled: true,
  unseen: 0,
};

const chime = new Chime('portfoliochat.visitor.muted');
const typingSignal = new TypingSignal('visitor');
const log = new ConversationLog({
  list: $('messages'),
  scroller: $('scroller'),
  typing: $('typing'),
  viewer: 'visitor',
  senderLabel,
  fetchPage: (query) => api(`/api/chat/messages?${query}`, { headers: sessionHeaders() }),
  onOtherSideMessage: () => {
    chime.play();
    if (document.visibilityState !== 'visible') {
      state.unseen++;
      document.title = `(${state.unseen}) Chat | Portfolio`;
    }
  },
  onRetry: ({ clientMessageId, content }) => send(content, clientMessageId),
});

function senderLabel(message) {
  if (message.senderType === 'ai') {
    return { kind: 'ai', text: 'AI assistant' };
  }
  if (message.senderType === 'admin') {
    const name = message.senderName || state.ownerName;
    return { kind: 'admin', text: name ? `${name} (owner)` : 'Owner' };
  }
  return { kind: 'visitor', text: 'You' };
}

function sessionHeaders() {
  return state.token ? { 'X-Session-Token': state.token } : {};
}

async function startSession() {
  const session = await api('/api/chat/session', {
    method: 'POST',
    body: state.token ? { sessionToken: state.token } : {},
  });
  if (state.token && session.sessionToken !== state.token && state.conversationId) {
    show(ui.notice, 'Your previous chat has expired; this is a new one.');
  }
  state.token = session.sessionToken;
  localStorage.setItem(SESSION_KEY, state.token);
  if (session.welcomeMessage) {
    ui.welcome.textContent = session.welcomeMessage;
  }
  return session;
}

async function openConversation(conversationId) {
  state.conversationId = conversationId;
  ui.intro.hidden = true;
  const page = await log.open(conversationId);
  ui.loadOlder.hidden = !page.hasMore;
  subscribe();
  scheduleMarkRead();
}

function subscribe() {
  if (!state.pusher || !state.conversationId || state.channel) {
    return;
  }
  const channel = state.pusher.subscribe(`private-conversation-${state.conversationId}`);
  state.channel = channel;
  typingSignal.attach(channel);
  // Whatever was published before the subscription took effect is fetched, not lost.
  channel.bind('pusher:subscription_succeeded', () => log.catchUp().then(scheduleMarkRead).catch(showError));
  channel.bind('pusher:subscription_error', () => show(ui.error, 'Live updates are unavailable right now; reload the page to try again.'));
  channel.bind('new-message', (message) => {
    log.receive(message);
    scheduleMarkRead();
  });
  channel.bind('ai-typing', (event) => log.setAiTyping(event.isTyping));
  channel.bind('ai-reply-chunk', (event) => log.chunk(event));
  channel.bind('message-read', (event) => log.applyRead(event));
  channel.bind('client-typing', (event) => log.setHumanTyping(event.isTyping && event.senderType === 'admin' ? 'admin' : null));
  channel.bind('conversation-updated', conversationUpdated);
}

function conversationUpdated(event) {
  const who = state.ownerName || 'The owner';
  if (event.isAiHandled === false && state.aiHandled) {
    show(ui.notice, `${who} has joined the conversation and will reply personally.`);
    log.setAiTyping(false);
  } else if (event.isAiHandled === true && !state.aiHandled) {
    show(ui.notice, 'The AI assistant is answering again.');
  }
  state.aiHandled = event.isAiHandled;
  if (event.status === 'resolved' || event.status === 'closed') {
    show(ui.notice, `This conversation was marked ${event.status}. You can still write; ${who} will see it.`);
  }
}

let markReadTimer = null;
function scheduleMarkRead() {
  clearTimeout(markReadTimer);
  markReadTimer = setTimeout(markRead, 300);
}

async function markRead() {
  if (document.visibilityState !== 'visible' || !state.conversationId) {
    return;
  }
  const upTo = log.unreadUpTo();
  if (upTo === null) {
    return;
  }
  try {
    await api('/api/chat/messages/read', {
      method: 'POST',
      headers: sessionHeaders(),
      body: { conversationId: state.conversationId, upToMessageId: upTo },
    });
    log.markedReadUpTo(upTo);
  } catch (error) {
    // Read marks are best effort; the next visible message tries again.
  }
}

async function send(content, retryOf = null) {
  const clientMessageId = retryOf ?? newClientMessageId();
  if (!retryOf) {
    log.addPending(clientMessageId, content);
  }
  typingSignal.stop();
  show(ui.error, null);
  const body = { content, clientMessageId };
  if (state.conversationId) {
    body.conversationId = state.conversationId;
  } else {
    if (ui.name.value.trim()) {
      body.visitorName = ui.name.value.trim();
    }
    if (ui.email.value.trim()) {
      body.visitorEmail = ui.email.value.trim();
    }
  }
  try {
    const sent = await sendWithRetry(() => api('/api/chat/send', { method: 'POST', headers: sessionHeaders(), body }));
    if (!state.conversationId) {
      state.conversationId = sent.conversationId;
      log.conversationId = sent.conversationId;
      ui.intro.hidden = true;
      subscribe();
    }
    log.confirm(clientMessageId, sent);
    if (sent.aiResponsePending) {
      log.setAiTyping(true);
    }
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      // The session is gone: start a new one; the visitor can send again.
      forgetConversation();
      await startSession().catch(() => {});
      if (!ui.input.value) {
        ui.input.value = content;
      }
    }
    log.fail(clientMessageId, error.message);
    show(ui.error, error.message);
  }
}

function forgetConversation() {
  if (state.channel) {
    typingSignal.attach(null);
    state.pusher.unsubscribe(state.channel.name);
    state.channel = null;
  }
  state.token = null;
  state.conversationId = null;
  state.aiHandled = true;
  log.reset();
  ui.intro.hidden = false;
}

function showError(error) {
  show(ui.error, error instanceof Error ? error.message : String(error));
}

function renderStatus() {
  let stateName = state.connection;
  let text;
  if (state.connection === 'connected') {
    const who = state.ownerName || 'The owner';
    if (!state.ownerStatus || typeof state.ownerStatus.ownerOnline !== 'boolean') {
      // This deployment cannot tell whether the owner is around.
      text = 'Online · the AI assistant answers right away';
    } else if (state.ownerStatus.ownerOnline) {
      stateName = 'online';
      text = `${who} is online`;
    } else {
      stateName = 'away';
      text = state.ownerStatus.withinBusinessHours === false && state.ownerStatus.awayMessage
        ? `${who} is away · ${state.ownerStatus.awayMessage}`
        : `${who} is away · the AI assistant answers right away`;
    }
  } else if (state.connection === 'unavailable' || state.connection === 'disconnected') {
    text = 'Connection lost · reconnecting…';
  } else if (state.connection === 'failed') {
    text = 'Live updates are not available in this browser';
  } else {
    text = 'Connecting…';
  }
  ui.status.dataset.state = stateName;
  ui.statusText.textContent = text;
}

async function refreshOwnerStatus() {
  try {
    state.ownerStatus = await api('/api/chat/status');
  } catch (error) {
    state.ownerStatus = null;
  }
  renderStatus();
}

async function loadOwnerName() {
  try {
    const portfolio = await api('/api/portfolio');
    const name = portfolio && portfolio.about && portfolio.about.name;
    if (name) {
      state.ownerName = name;
      ui.ownerName.textContent = name;
      document.title = `Chat with ${name}`;
      renderStatus();
    }
  } catch (error) {
    // The page works without the owner's name.
  }
}

function wireComposer() {
  ui.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const content = ui.input.value.trim();
    if (!content) {
      ui.input.focus();
      return;
    }
    if (!ui.intro.hidden && ui.email.value.trim() && !ui.email.checkValidity()) {
      ui.email.setAttribute('aria-invalid', 'true');
      show(ui.error, 'Please enter a valid email address, or leave it empty.');
      ui.email.focus();
      return;
    }
    ui.email.removeAttribute('aria-invalid');
    ui.input.value = '';
    send(content);
    ui.input.focus();
  });
  ui.input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ui.composer.requestSubmit();
    }
  });
  ui.input.addEventListener('input', () => typingSignal.typing());
  ui.askHuman.addEventListener('click', () => send(HUMAN_REQUEST));
  ui.loadOlder.addEventListener('click', async () => {
    try {
      ui.loadOlder.hidden = !(await log.loadOlder());
    } catch (error) {
      showError(error);
    }
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') {
      state.unseen = 0;
      document.title = state.ownerName ? `Chat with ${state.ownerName}` : 'Chat | Portfolio';
      scheduleMarkRead();
    }
  });
}

async function main() {
  bindMuteButton($('mute'), chime);
  chime.unlockOnFirstGesture();
  wireComposer();
  loadOwnerName();
  refreshOwnerStatus();
  setInterval(refreshOwnerStatus, STATUS_REFRESH_MS);
  try {
    const session = await startSession();
    state.pusher = await connectRealtime(sessionHeaders);
    state.pusher.connection.bind('state_change', ({ current }) => {
      state.connection = current;
      renderStatus();
    });
    onReconnect(state.pusher, () => log.catchUp().then(scheduleMarkRead).catch(showError));
    if (session.conversationId) {
      await openConversation(session.conversationId);
    }
  } catch (error) {
    showError(error);
  }
  document.body.dataset.ready = 'true';
}

main();
