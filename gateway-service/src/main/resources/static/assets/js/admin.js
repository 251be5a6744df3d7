// The owner's /admin/chat dashboard.
import { api, ApiError, newClientMessageId, sendWithRetry } from './api.js';
import { ConversationLog, formatTime } from './conversation.js';
import { $, element, show } from './dom.js';
import { connectRealtime, onReconnect, TypingSignal } from './realtime.js';
import { bindMuteButton, Chime } from './sound.js';

const TOKEN_KEY = 'portfoliochat.admin.token';
const SETTINGS_FIELDS = ['welcomeMessage', 'offlineMessage', 'awayMessage', 'aiModel', 'aiTemperature', 'aiSystemPrompt'];
const OPTIONAL_TEXTS = new Set(['welcomeMessage', 'offlineMessage', 'awayMessage', 'aiSystemPrompt']);
const HANDOFF_REASONS = {
  unknown_answer: 'the portfolio has no answer',
  provider_error: 'the AI provider failed',
  reply_cap_reached: 'the AI reply limit was reached',
  visitor_asked_for_human: 'the visitor asked for you',
};
const MAX_TIMER_MS = 2147483647;

const ui = {
  loginView: $('login-view'),
  loginForm: $('login-form'),
  loginError: $('login-error'),
  loginEmail: $('login-email'),
  loginPassword: $('login-password'),
  dashboard: $('dashboard'),
  presence: $('presence'),
  presenceText: $('presence-text'),
  presenceDetail: $('presence-detail'),
  aiSwitch: $('ai-switch'),
  alerts: $('alerts'),
  inbox: $('conversations-view'),
  filter: $('status-filter'),
  list: $('conversation-list'),
  listEmpty: $('list-empty'),
  detailEmpty: $('detail-empty'),
  detail: $('detail-content'),
  detailTitle: $('detail-title'),
  detailContact: $('detail-contact'),
  detailBadges: $('detail-badges'),
  detailError: $('detail-error'),
  takeOver: $('take-over'),
  resolve: $('resolve'),
  close: $('close-conversation'),
  reopen: $('reopen'),
  loadOlder: $('load-older'),
  replyForm: $('reply-form'),
  replyInput: $('reply-input'),
  settingsForm: $('settings-form'),
  settingsResult: $('settings-result'),
  portfolioJson: $('portfolio-json'),
  portfolioResult: $('portfolio-result'),
};

const state = {
  token: null,
  admin: null,
  expiryTimer: null,
  pusher: null,
  channel: null,
  conversations: new Map(),
  needsYou: new Set(),
  selectedId: null,
  settings: null,
};

const chime = new Chime('portfoliochat.admin.muted');
const typingSignal = new TypingSignal('admin');
const log = new ConversationLog({
  list: $('detail-messages'),
  scroller: $('detail-scroller'),
  typing: $('detail-typing'),
  viewer: 'admin',
  senderLabel,
  fetchPage: (query) => adminApi(`/api/chat/messages?${query}`),
  onRetry: ({ clientMessageId, content }) => reply(content, clientMessageId),
});

function senderLabel(message) {
  if (message.senderType === 'ai') {
    return { kind: 'ai', text: 'AI assistant' };
  }
  if (message.senderType === 'admin') {
    // Stored and pushed messages name their sender; only this admin's own pending or just-sent replies do not.
    const name = message.senderName || (state.admin && state.admin.name);
    return { kind: 'admin', text: name ? `${name} (owner)` : 'Owner' };
  }
  const conversation = state.conversations.get(state.selectedId);
  return { kind: 'visitor', text: visitorName(conversation) };
}

function visitorName(conversation) {
  if (conversation && conversation.visitorName) {
    return conversation.visitorName;
  }
  return conversation && conversation.visitorId ? `Visitor ${conversation.visitorId.slice(0, 6)}` : 'Visitor';
}

// ---- session -------------------------------------------------------------------------------------------

async function adminApi(path, options = {}) {
  try {
    return await api(path, { ...options, headers: { ...(options.headers || {}), Authorization: `Bearer ${state.token}` } });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      endSession(error.message);
    }
    throw error;
  }
}

function storedSession() {
  try {
    const session = JSON.parse(sessionStorage.getItem(TOKEN_KEY) || 'null');
    return session && Date.parse(session.expiresAt) > Date.now() ? session : null;
  } catch (error) {
    return null;
  }
}

function showLogin(message) {
  ui.dashboard.hidden = true;
  ui.loginView.hidden = false;
  show(ui.loginError, message);
  ui.loginEmail.focus();
}

function endSession(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  clearTimeout(state.expiryTimer);
  if (state.pusher) {
    state.pusher.disconnect();
    state.pusher = null;
  }
  state.token = null;
  state.channel = null;
  state.selectedId = null;
  state.conversations.clear();
  state.needsYou.clear();
  log.reset();
  ui.list.replaceChildren();
  showLogin(message);
}

async function login(event) {
  event.preventDefault();
  const email = ui.loginEmail.value.trim();
  const password = ui.loginPassword.value;
  if (!email || !password) {
    show(ui.loginError, 'Enter your email and password.');
    return;
  }
  $('login-submit').disabled = true;
  try {
    const session = await api('/api/admin/login', { method: 'POST', body: { email, password } });
    sessionStorage.setItem(TOKEN_KEY, JSON.stringify(session));
    ui.loginPassword.value = '';
    await startDashboard(session);
  } catch (error) {
    show(ui.loginError, error.message);
  } finally {
    $('login-submit').disabled = false;
  }
}

async function startDashboard(session) {
  state.token = session.token;
  state.admin = session.admin;
  ui.loginView.hidden = true;
  ui.dashboard.hidden = false;
  show(ui.loginError, null);
  clearTimeout(state.expiryTimer);
  state.expiryTimer = setTimeout(() => endSession('Your session has expired. Please log in again.'),
    Math.min(MAX_TIMER_MS, Math.max(0, Date.parse(session.expiresAt) - Date.now())));
  try {
    await Promise.all([loadSettings(), loadConversations()]);
    await connect();
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) {
      alertToast(error.message, 'error');
    }
  }
  document.body.dataset.ready = 'true';
}

// ---- realtime ------------------------------------------------------------------------------------------

async function connect() {
  state.pusher = await connectRealtime(() => ({ Authorization: `Bearer ${state.token}` }));
  state.pusher.connection.bind('state_change', ({ current }) => renderPresence(current));
  onReconnect(state.pusher, () => {
    loadConversations().catch(() => {});
    log.catchUp().then(markRead).catch(() => {});
  });

  const notifications = state.pusher.subscribe('private-admin-notifications');
  notifications.bind('new-conversation', newConversation);
  notifications.bind('new-message-alert', newMessageAlert);
  notifications.bind('conversation-updated', conversationUpdated);
  notifications.bind('ai-settings-changed', aiSettingsChanged);
  notifications.bind('ai-handoff', aiHandoff);

  const presence = state.pusher.subscribe('presence-admin-chat');
  presence.bind('pusher:subscription_succeeded', () => renderPresence('connected'));
  presence.bind('pusher:member_added', () => renderPresence('connected'));
  presence.bind('pusher:member_removed', () => renderPresence('connected'));
}

function renderPresence(connection) {
  const presence = state.pusher && state.pusher.channel('presence-admin-chat');
  if (connection !== 'connected') {
    ui.presence.dataset.state = connection === 'connecting' ? 'connecting' : 'offline';
    ui.presenceText.textContent = connection === 'connecting' ? 'Connecting…' : 'Offline · reconnecting…';
    ui.presenceDetail.textContent = '';
    return;
  }
  if (!presence || !presence.subscribed) {
    return;
  }
  const others = Math.max(0, presence.members.count - 1);
  ui.presence.dataset.state = 'online';
  ui.presenceText.textContent = 'Online';
  ui.presenceDetail.textContent = others
    ? ` · ${others} other admin${others > 1 ? 's' : ''} too`
    : ' · visitors see you as available';
}

async function newConversation(event) {
  const summary = await fetchSummary(event.conversationId, {
    id: event.conversationId, visitorId: event.visitorId, visitorName: event.visitorName, visitorEmail: event.visitorEmail,
    status: 'active', isAiHandled: true, unreadCount: 1, messageCount: 1, createdAt: event.createdAt,
    updatedAt: event.createdAt,
    lastMessage: { content: event.firstMessage, senderType: 'visitor', createdAt: event.createdAt },
  });
  upsert(summary);
  alertToast(`New conversation from ${visitorName(summary)}: ${event.firstMessage ?? ''}`);
  chime.play();
}

async function newMessageAlert(event) {
  let conversation = state.conversations.get(event.conversationId);
  const isOpen = event.conversationId === state.selectedId && document.visibilityState === 'visible';
  if (!conversation) {
    conversation = await fetchSummary(event.conversationId, null);
    if (!conversation) {
      return;
    }
  } else {
    conversation = {
      ...conversation,
      lastMessage: { id: event.messageId, content: event.messagePreview, senderType: event.senderType, createdAt: event.createdAt },
      messageCount: Math.max(conversation.messageCount || 0, event.seq || 0),
      updatedAt: event.createdAt,
      unreadCount: (conversation.unreadCount || 0) + (event.senderType === 'visitor' && !isOpen ? 1 : 0),
    };
  }
  upsert(conversation);
  if (event.senderType === 'visitor') {
    chime.play();
    if (!isOpen) {
      alertToast(`${event.visitorName || visitorName(conversation)}: ${event.messagePreview ?? 'new message'}`);
    }
  }
}

function conversationUpdated(event) {
  const conversation = state.conversations.get(event.conversationId);
  if (conversation) {
    upsert({ ...conversation, status: event.status, isAiHandled: event.isAiHandled });
  }
  if (event.isAiHandled === false || event.status !== 'active') {
    state.needsYou.delete(event.conversationId);
  }
  if (event.conversationId === state.selectedId) {
    renderDetailHeader();
  }
}

function aiSettingsChanged(event) {
  if (state.settings) {
    state.settings.aiEnabled = event.aiEnabled;
  }
  renderAiSwitch(event.aiEnabled);
  const switched = (event.changedFields || []).includes('aiEnabled');
  const byMe = state.admin && event.changedBy === state.admin.name;
  if (switched && !byMe) {
    alertToast(`AI auto-reply turned ${event.aiEnabled ? 'on' : 'off'} by ${event.changedBy || 'another admin'}.`);
  }
}

async function aiHandoff(event) {
  state.needsYou.add(event.conversationId);
  const conversation = state.conversations.get(event.conversationId) || await fetchSummary(event.conversationId, null);
  if (conversation) {
    upsert(conversation);
  }
  const why = HANDOFF_REASONS[event.reason] || event.reason;
  alertToast(`The assistant passed ${visitorName(conversation)} to you: ${why}.`, 'handoff');
  chime.play();
}

async function fetchSummary(id, fallback) {
  try {
    return await adminApi(`/api/chat/conversations/${id}`);
  } catch (error) {
    return fallback;
  }
}

function alertToast(text, kind = 'info') {
  const toast = element('p', `toast toast--${kind}`);
  toast.append(element('span', 'toast__text', text));
  const dismiss = element('button', 'toast__close', '×');
  dismiss.type = 'button';
  dismiss.setAttribute('aria-label', 'Dismiss');
  dismiss.addEventListener('click', () => toast.remove());
  toast.append(dismiss);
  ui.alerts.prepend(toast);
  while (ui.alerts.children.length > 4) {
    ui.alerts.lastElementChild.remove();
  }
  setTimeout(() => toast.remove(), kind === 'handoff' ? 20000 : 6000);
}

// ---- conversation list ---------------------------------------------------------------------------------

async function loadConversations() {
  const page = await adminApi(`/api/chat/conversations?status=${encodeURIComponent(ui.filter.value)}&page=1&limit=50`);
  state.conversations.clear();
  page.conversations.forEach((conversation) => state.conversations.set(conversation.id, conversation));
  renderList();
}

function upsert(conversation) {
  state.conversations.set(conversation.id, conversation);
  renderList();
}

function activity(conversation) {
  return Date.parse((conversation.lastMessage && conversation.lastMessage.createdAt) || conversation.updatedAt || conversation.createdAt) || 0;
}

function renderList() {
  const filter = ui.filter.value;
  const shown = [...state.conversations.values()]
    .filter((conversation) => filter === 'all' || conversation.status === filter)
    .sort((a, b) => activity(b) - activity(a));
  // Live updates rebuild the list: keep the keyboard focus on the conversation it was on.
  const focused = ui.list.contains(document.activeElement) ? document.activeElement.closest('.conversation')?.dataset.id : null;
  ui.list.replaceChildren(...shown.map(listItem));
  ui.listEmpty.hidden = shown.length > 0;
  if (focused) {
    ui.list.querySelector(`[data-id="${focused}"] button`)?.focus();
  }
}

function listItem(conversation) {
  const item = element('li', 'conversation');
  item.dataset.id = String(conversation.id);
  item.dataset.status = conversation.status;
  const open = element('button', 'conversation__open');
  open.type = 'button';
  if (conversation.id === state.selectedId) {
    open.setAttribute('aria-current', 'true');
  }
  const top = element('span', 'conversation__top');
  top.append(element('span', 'conversation__name', visitorName(conversation)));
  const last = conversation.lastMessage;
  if (last && last.createdAt) {
    const time = element('time', 'conversation__time', formatTime(last.createdAt));
    time.dateTime = last.createdAt;
    top.append(time);
  }
  const preview = element('span', 'conversation__preview');
  if (last) {
    const who = last.senderType === 'ai' ? 'AI: ' : last.senderType === 'admin' ? 'You: ' : '';
    preview.textContent = who + (last.content ?? '');
  }
  const badges = element('span', 'conversation__badges');
  badges.append(conversation.isAiHandled
    ? element('span', 'badge badge--ai', 'AI')
    : element('span', 'badge badge--manual', 'Manual'));
  if (conversation.status !== 'active') {
    badges.append(element('span', `badge badge--status badge--${conversation.status}`, conversation.status));
  }
  if (state.needsYou.has(conversation.id)) {
    badges.append(element('span', 'badge badge--handoff', 'Needs you'));
  }
  if (conversation.unreadCount > 0) {
    const unread = element('span', 'unread', String(conversation.unreadCount));
    unread.setAttribute('aria-label', `${conversation.unreadCount} unread`);
    unread.title = `${conversation.unreadCount} unread`;
    badges.append(unread);
  }
  open.append(top, preview, badges);
  open.addEventListener('click', () => openConversation(conversation.id));
  item.append(open);
  return item;
}

// ---- one conversation ----------------------------------------------------------------------------------

async function openConversation(id) {
  if (state.channel) {
    typingSignal.stop();
    state.pusher.unsubscribe(state.channel.name);
    state.channel = null;
  }
  state.selectedId = id;
  show(ui.detailError, null);
  ui.detailEmpty.hidden = true;
  ui.detail.hidden = false;
  ui.inbox.dataset.view = 'detail';
  renderList();
  const summary = await fetchSummary(id, state.conversations.get(id));
  if (state.selectedId !== id) {
    return;
  }
  if (summary) {
    state.conversations.set(id, summary);
  }
  renderDetailHeader();
  ui.detailTitle.focus();
  try {
    const page = await log.open(id);
    ui.loadOlder.hidden = !page.hasMore;
  } catch (error) {
    show(ui.detailError, error.message);
  }
  if (state.selectedId !== id || !state.pusher) {
    return;
  }
  const channel = state.pusher.subscribe(`private-conversation-${id}`);
  state.channel = channel;
  typingSignal.attach(channel);
  channel.bind('pusher:subscription_succeeded', () => log.catchUp().then(markRead).catch(() => {}));
  channel.bind('new-message', (message) => {
    log.receive(message);
    markRead();
  });
  channel.bind('ai-typing', (event) => log.setAiTyping(event.isTyping));
  channel.bind('ai-reply-chunk', (event) => log.chunk(event));
  channel.bind('message-read', (event) => log.applyRead(event));
  channel.bind('client-typing', (event) => log.setHumanTyping(event.isTyping && event.senderType === 'visitor' ? 'visitor' : null));
  markRead();
}

function renderDetailHeader() {
  const conversation = state.conversations.get(state.selectedId);
  if (!conversation) {
    return;
  }
  ui.detailTitle.textContent = visitorName(conversation);
  const contact = [conversation.visitorEmail || 'no email given',
    conversation.visitorId ? `visitor ${conversation.visitorId.slice(0, 8)}` : null,
    conversation.createdAt ? `since ${new Date(conversation.createdAt).toLocaleString()}` : null].filter(Boolean);
  ui.detailContact.textContent = contact.join(' · ');
  const handled = conversation.isAiHandled
    ? element('span', 'badge badge--ai', 'AI answering')
    : element('span', 'badge badge--manual', 'You are answering');
  ui.detailBadges.replaceChildren(handled, element('span', `badge badge--status badge--${conversation.status}`, conversation.status));
  ui.takeOver.textContent = conversation.isAiHandled ? 'Take over' : 'Hand back to AI';
  ui.takeOver.setAttribute('aria-label', conversation.isAiHandled
    ? 'Take over from the AI assistant' : 'Hand the conversation back to the AI assistant');
  ui.resolve.hidden = conversation.status === 'resolved';
  ui.close.hidden = conversation.status === 'closed';
  ui.reopen.hidden = conversation.status === 'active';
}

async function markRead() {
  const id = state.selectedId;
  if (!id || document.visibilityState !== 'visible') {
    return;
  }
  const upTo = log.unreadUpTo();
  if (upTo === null) {
    return;
  }
  try {
    await adminApi('/api/chat/messages/read', { method: 'POST', body: { conversationId: id, upToMessageId: upTo } });
    log.markedReadUpTo(upTo);
    const conversation = state.conversations.get(id);
    if (conversation && conversation.unreadCount) {
      upsert({ ...conversation, unreadCount: 0 });
    }
  } catch (error) {
    // Best effort: the next message or opening tries again.
  }
}

async function changeConversation(change) {
  const id = state.selectedId;
  show(ui.detailError, null);
  try {
    const result = await adminApi(`/api/chat/conversations/${id}`, { method: 'PATCH', body: change });
    const conversation = state.conversations.get(id);
    upsert({ ...conversation, status: result.status, isAiHandled: result.isAiHandled });
    if (change.isAiHandled === false || (change.status && change.status !== 'active')) {
      state.needsYou.delete(id);
      renderList();
    }
    renderDetailHeader();
  } catch (error) {
    show(ui.detailError, error.message);
  }
}

async function reply(content, retryOf = null) {
  const id = state.selectedId;
  const clientMessageId = retryOf ?? newClientMessageId();
  if (!retryOf) {
    log.addPending(clientMessageId, content);
  }
  typingSignal.stop();
  show(ui.detailError, null);
  try {
    const sent = await sendWithRetry(() => adminApi('/api/chat/send', {
      method: 'POST', body: { conversationId: id, content, clientMessageId },
    }));
    if (state.selectedId === id) {
      log.confirm(clientMessageId, sent);
    }
  } catch (error) {
    log.fail(clientMessageId, error.message);
    show(ui.detailError, error.message);
  }
}

// ---- AI switch, settings, portfolio -------------------------------------------------------------------

function renderAiSwitch(enabled) {
  ui.aiSwitch.setAttribute('aria-checked', String(Boolean(enabled)));
  ui.aiSwitch.querySelector('.switch__label').textContent = enabled ? 'AI auto-reply on' : 'AI auto-reply off';
}

async function loadSettings() {
  state.settings = await adminApi('/api/chat/settings');
  renderAiSwitch(state.settings.aiEnabled);
  for (const field of SETTINGS_FIELDS) {
    const value = state.settings[field];
    $(`setting-${field}`).value = value === null || value === undefined ? '' : String(value);
  }
}

async function toggleAi() {
  const enable = ui.aiSwitch.getAttribute('aria-checked') !== 'true';
  ui.aiSwitch.disabled = true;
  try {
    state.settings = await adminApi('/api/chat/settings', { method: 'PATCH', body: { aiEnabled: enable } });
    renderAiSwitch(state.settings.aiEnabled);
  } catch (error) {
    alertToast(error.message, 'error');
  } finally {
    ui.aiSwitch.disabled = false;
  }
}

async function saveSettings(event) {
  event.preventDefault();
  const change = {};
  for (const field of SETTINGS_FIELDS) {
    const raw = $(`setting-${field}`).value;
    let value;
    if (field === 'aiTemperature') {
      value = Number(raw);
      if (raw.trim() === '' || Number.isNaN(value)) {
        show(ui.settingsResult, 'Temperature must be a number from 0 to 2.');
        $(`setting-${field}`).focus();
        return;
      }
    } else if (OPTIONAL_TEXTS.has(field)) {
      value = raw.trim() === '' ? null : raw;
    } else {
      value = raw.trim();
    }
    const current = state.settings ? state.settings[field] : undefined;
    if (value !== (current === undefined ? null : current)) {
      change[field] = value;
    }
  }
  if (Object.keys(change).length === 0) {
    show(ui.settingsResult, 'Nothing to save: no setting was changed.');
    return;
  }
  try {
    state.settings = await adminApi('/api/chat/settings', { method: 'PATCH', body: change });
    show(ui.settingsResult, `Saved: ${Object.keys(change).join(', ')}.`);
  } catch (error) {
    show(ui.settingsResult, error.message);
  }
}

async function loadPortfolio() {
  try {
    const portfolio = await api('/api/portfolio');
    ui.portfolioJson.value = JSON.stringify(portfolio, null, 2);
    show(ui.portfolioResult, null);
  } catch (error) {
    show(ui.portfolioResult, error.message);
  }
}

async function savePortfolio() {
  let portfolio;
  try {
    portfolio = JSON.parse(ui.portfolioJson.value);
  } catch (error) {
    show(ui.portfolioResult, `This is not valid JSON: ${error.message}`);
    ui.portfolioJson.focus();
    return;
  }
  try {
    const stored = await adminApi('/api/portfolio', { method: 'PUT', body: portfolio });
    ui.portfolioJson.value = JSON.stringify(stored, null, 2);
    show(ui.portfolioResult, 'Portfolio saved. The assistant uses it from now on.');
  } catch (error) {
    show(ui.portfolioResult, error.message);
  }
}

function importPortfolio(event) {
  const file = event.target.files && event.target.files[0];
  if (!file) {
    return;
  }
  file.text().then((text) => {
    ui.portfolioJson.value = text;
    show(ui.portfolioResult, `Imported ${file.name}. Check it, then save.`);
  });
  event.target.value = '';
}

function exportPortfolio() {
  const blob = new Blob([ui.portfolioJson.value], { type: 'application/json' });
  const link = element('a');
  link.href = URL.createObjectURL(blob);
  link.download = 'portfolio.json';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function showTab(name) {
  for (const tab of document.querySelectorAll('.tab')) {
    if (tab.dataset.tab === name) {
      tab.setAttribute('aria-current', 'page');
    } else {
      tab.removeAttribute('aria-current');
    }
  }
  $('conversations-view').hidden = name !== 'conversations';
  $('settings-view').hidden = name !== 'settings';
  $('portfolio-view').hidden = name !== 'portfolio';
  if (name === 'portfolio' && !ui.portfolioJson.value) {
    loadPortfolio();
  }
}

// ---- wiring --------------------------------------------------------------------------------------------

function submitOnEnter(textarea, form) {
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
}

function wire() {
  ui.loginForm.addEventListener('submit', login);
  $('logout').addEventListener('click', () => endSession('You have logged out.'));
  ui.aiSwitch.addEventListener('click', toggleAi);
  ui.filter.addEventListener('change', () => loadConversations().catch((error) => alertToast(error.message, 'error')));
  $('back-to-list').addEventListener('click', () => {
    ui.inbox.dataset.view = 'list';
    ui.list.querySelector(`[data-id="${state.selectedId}"] button`)?.focus();
  });
  ui.takeOver.addEventListener('click', () => {
    const conversation = state.conversations.get(state.selectedId);
    changeConversation({ isAiHandled: !(conversation && conversation.isAiHandled) });
  });
  ui.resolve.addEventListener('click', () => changeConversation({ status: 'resolved' }));
  ui.close.addEventListener('click', () => changeConversation({ status: 'closed' }));
  ui.reopen.addEventListener('click', () => changeConversation({ status: 'active' }));
  ui.loadOlder.addEventListener('click', async () => {
    ui.loadOlder.hidden = !(await log.loadOlder().catch(() => true));
  });
  ui.replyForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const content = ui.replyInput.value.trim();
    if (!content || !state.selectedId) {
      return;
    }
    ui.replyInput.value = '';
    reply(content);
  });
  submitOnEnter(ui.replyInput, ui.replyForm);
  ui.replyInput.addEventListener('input', () => typingSignal.typing());
  ui.settingsForm.addEventListener('submit', saveSettings);
  $('portfolio-reload').addEventListener('click', loadPortfolio);
  $('portfolio-save').addEventListener('click', savePortfolio);
  $('portfolio-import').addEventListener('change', importPortfolio);
  $('portfolio-export').addEventListener('click', exportPortfolio);
  for (const tab of document.querySelectorAll('.tab')) {
    tab.addEventListener('click', () => showTab(tab.dataset.tab));
  }
  document.addEventListener('visibilitychange', markRead);
  bindMuteButton($('mute'), chime);
  chime.unlockOnFirstGesture();
}

wire();
const session = storedSession();
if (session) {
  startDashboard(session);
} else {
  showLogin(null);
  document.body.dataset.ready = 'true';
}
