// One conversation's messages on screen, shared by the visitor page and the admin dashboard:
// ordered by seq, de-duplicated by id, gaps and reconnects filled from the API, ticks, typing, streaming.
// Every piece of user or AI text is set with textContent, never parsed as HTML.
import { element } from './dom.js';

const TICKS = {
  sending: ['\u2026', 'Sending'],
  sent: ['\u2713', 'Sent'],
  delivered: ['\u2713\u2713', 'Delivered'],
  read: ['\u2713\u2713', 'Read'],
  failed: ['!', 'Not sent'],
};
const STATUS_ORDER = ['sending', 'sent', 'delivered', 'read'];
const AI_TYPING_TIMEOUT_MS = 45000;
const HUMAN_TYPING_TIMEOUT_MS = 6000;

export function formatTime(iso) {
  const date = iso ? new Date(iso) : new Date();
  return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export class ConversationLog {
  /**
   * @param {object} options
   * @param {HTMLElement} options.list the <ol role="log"> that holds the messages
   * @param {HTMLElement} options.scroller the element that scrolls
   * @param {HTMLElement} options.typing the typing indicator (its .typing__text is set)
   * @param {'visitor'|'admin'} options.viewer whose screen this is
   * @param {(message) => {kind: string, text: string}} options.senderLabel
   * @param {(query: string) => Promise<{messages: any[], hasMore: boolean, nextCursor: number}>} options.fetchPage
   * @param {(message) => void} [options.onOtherSideMessage] a new message from the other side arrived live
   * @param {(pending) => void} [options.onRetry] the viewer asked to send a failed message again
   */
  constructor(options) {
    this.options = options;
    this.list = options.list;
    this.scroller = options.scroller;
    this.typingIndicator = options.typing;
    this.reset();
  }

  reset() {
    this.conversationId = null;
    this.byId = new Map();
    this.pendingByClientId = new Map();
    this.drafts = new Map();
    this.idBySeq = new Map();
    // The newest message up to which nothing is missing: catch-ups fetch what came after it.
    this.contiguousSeq = 0;
    this.contiguousId = null;
    this.oldestId = null;
    this.readUpTo = 0;
    this.catchingUp = null;
    this.aiTyping = false;
    this.humanTyping = null;
    clearTimeout(this.aiTypingTimer);
    clearTimeout(this.humanTypingTimer);
    this.list.replaceChildren();
    this.renderTyping();
  }

  isMine(message) {
    return this.options.viewer === 'visitor' ? message.senderType === 'visitor' : message.senderType === 'admin';
  }

  isOtherSide(message) {
    return this.options.viewer === 'visitor' ? message.senderType !== 'visitor' : message.senderType === 'visitor';
  }

  /** The latest page of a conversation (replaces what is shown). */
  async open(conversationId) {
    this.reset();
    this.conversationId = conversationId;
    const page = await this.options.fetchPage(`conversationId=${conversationId}&limit=50`);
    if (this.conversationId !== conversationId) {
      return page;
    }
    if (page.messages.length) {
      // The latest page has no gaps: continue from its first message.
      this.contiguousSeq = page.messages[0].seq - 1;
    }
    page.messages.forEach((message) => this.add(message, { live: false }));
    this.scrollToEnd(true);
    return page;
  }

  /** Older messages before the oldest shown; returns whether there are more. */
  async loadOlder() {
    if (!this.conversationId || this.oldestId === null) {
      return false;
    }
    const page = await this.options.fetchPage(`conversationId=${this.conversationId}&limit=50&before=${this.oldestId}`);
    const keep = this.scroller.scrollHeight - this.scroller.scrollTop;
    page.messages.forEach((message) => this.add(message, { live: false }));
    if (page.messages.length) {
      this.oldestId = page.messages[0].id;
    }
    this.scroller.scrollTop = this.scroller.scrollHeight - keep;
    return page.hasMore;
  }

  /**
   * Everything after the last message without a gap (after a seq jump, a reconnect, a new subscription).
   * Calls made while one runs share it.
   */
  catchUp() {
    if (!this.conversationId) {
      return Promise.resolve();
    }
    if (this.catchingUp) {
      return this.catchingUp;
    }
    const conversationId = this.conversationId;
    this.catchingUp = (async () => {
      try {
        for (let pages = 0; pages < 20 && this.conversationId === conversationId; pages++) {
          const after = this.contiguousId;
          const cursor = after === null ? '' : `&after=${after}`;
          const page = await this.options.fetchPage(`conversationId=${conversationId}&limit=100${cursor}`);
          if (this.conversationId !== conversationId) {
            return;
          }
          if (after === null && page.messages.length) {
            // Older messages than this latest page are reached with loadOlder(), not here.
            this.contiguousSeq = Math.max(this.contiguousSeq, page.messages[0].seq - 1);
          }
          page.messages.forEach((message) => this.add(message, { live: false }));
          if (after === null || !page.hasMore || this.contiguousId === after) {
            break;
          }
        }
        // Subscribed and caught up: the viewer's messages up to here are with the other side (a first
        // message is sent before its conversation's channel exists, so it never comes back on it).
        this.byId.forEach((node, id) => {
          if (node.dataset.mine === 'true' && this.contiguousId !== null && id <= this.contiguousId) {
            this.setStatus(node, 'delivered');
          }
        });
      } finally {
        this.catchingUp = null;
      }
    })();
    return this.catchingUp;
  }

  /** A new-message from the channel. */
  receive(message) {
    if (message.conversationId !== this.conversationId) {
      return;
    }
    if (message.truncated || message.seq > this.contiguousSeq + 1) {
      // Too big for the socket, or something was missed: the API has it all, in order.
      this.catchUp().then(() => {
        if (!message.truncated) {
          this.add(message, { live: true });
        }
      });
      return;
    }
    this.add(message, { live: true });
  }

  /**
   * Shows a stored message once. live = it came over the socket. The viewer's own messages are
   * "delivered" once they came back over the socket or from the API, "sent" when only the send answered.
   * @returns {boolean} whether it was new here
   */
  add(message, { live, sentOnly = false }) {
    const known = this.byId.get(message.id);
    if (known) {
      if (live && this.isMine(message)) {
        this.setStatus(known, 'delivered');
      }
      return false;
    }
    let node = message.clientMessageId && this.isMine(message) ? this.pendingByClientId.get(message.clientMessageId) : null;
    if (node) {
      this.pendingByClientId.delete(message.clientMessageId);
      node.remove();
      this.fillMessage(node, message);
    } else {
      node = this.messageNode(message);
    }
    node.dataset.id = String(message.id);
    node.dataset.seq = String(message.seq);
    this.byId.set(message.id, node);
    if (this.isMine(message)) {
      this.setStatus(node, message.isRead ? 'read' : sentOnly ? 'sent' : 'delivered');
    } else if (message.isRead && this.isOtherSide(message)) {
      this.readUpTo = Math.max(this.readUpTo, message.id);
    }
    if (message.senderType === 'ai') {
      this.clearDrafts();
      this.setAiTyping(false);
    }
    if (message.senderType === this.humanTyping) {
      this.setHumanTyping(null);
    }
    const stick = this.nearEnd();
    this.insertBySeq(node, message.seq);
    this.idBySeq.set(message.seq, message.id);
    while (this.idBySeq.has(this.contiguousSeq + 1)) {
      this.contiguousSeq++;
      this.contiguousId = this.idBySeq.get(this.contiguousSeq);
    }
    if (this.oldestId === null || message.id < this.oldestId) {
      this.oldestId = message.id;
    }
    this.scrollToEnd(stick || this.isMine(message));
    if (live && this.isOtherSide(message) && this.options.onOtherSideMessage) {
      this.options.onOtherSideMessage(message);
    }
    return true;
  }

  /** The viewer's message before the server answered. */
  addPending(clientMessageId, content) {
    const node = this.messageNode({
      senderType: this.options.viewer, content, createdAt: new Date().toISOString(), clientMessageId,
    });
    node.dataset.clientMessageId = clientMessageId;
    this.setStatus(node, 'sending');
    this.pendingByClientId.set(clientMessageId, node);
    this.list.append(node);
    this.scrollToEnd(true);
    return node;
  }

  /** The send answered 201 (the message may have come back over the socket already). */
  confirm(clientMessageId, sent) {
    this.add({
      id: sent.messageId, seq: sent.seq, conversationId: sent.conversationId, content: sent.content,
      senderType: sent.senderType, createdAt: sent.createdAt, clientMessageId, isRead: false,
    }, { live: false, sentOnly: true });
    if (sent.seq > this.contiguousSeq + 1) {
      // Someone wrote in between (or this is the first message of a conversation opened elsewhere).
      this.catchUp();
    }
  }

  /** The send failed for good: offer to try again. */
  fail(clientMessageId, reason) {
    const node = this.pendingByClientId.get(clientMessageId);
    if (!node) {
      return;
    }
    this.setStatus(node, 'failed');
    node.querySelector('.message__error')?.remove();
    const note = element('p', 'message__error');
    note.append(element('span', null, reason + ' '));
    const retry = element('button', 'link-button', 'Try again');
    retry.type = 'button';
    retry.addEventListener('click', () => {
      note.remove();
      this.setStatus(node, 'sending');
      this.options.onRetry?.({ clientMessageId, content: node.querySelector('.message__text').textContent });
    });
    note.append(retry);
    node.append(note);
  }

  /** message-read: the other side read these. */
  applyRead(event) {
    if (event.conversationId !== this.conversationId) {
      return;
    }
    const readerIsMe = event.readerType === this.options.viewer;
    for (const id of event.messageIds || []) {
      const node = this.byId.get(id);
      if (!node) {
        continue;
      }
      if (!readerIsMe && node.dataset.mine === 'true') {
        this.setStatus(node, 'read');
      }
      if (readerIsMe) {
        this.readUpTo = Math.max(this.readUpTo, id);
      }
    }
  }

  /** The newest message of the other side not yet marked read by this viewer, or null. */
  unreadUpTo() {
    let newest = null;
    for (const [id, node] of this.byId) {
      if (node.dataset.mine !== 'true' && node.dataset.other === 'true' && id > this.readUpTo && (newest === null || id > newest)) {
        newest = id;
      }
    }
    return newest;
  }

  markedReadUpTo(id) {
    this.readUpTo = Math.max(this.readUpTo, id);
  }

  /** ai-typing; also shown right after a send that said aiResponsePending. */
  setAiTyping(isTyping) {
    this.aiTyping = Boolean(isTyping);
    clearTimeout(this.aiTypingTimer);
    if (this.aiTyping) {
      this.aiTypingTimer = setTimeout(() => this.setAiTyping(false), AI_TYPING_TIMEOUT_MS);
    }
    this.renderTyping();
  }

  /** client-typing from the other person ('visitor' | 'admin'), or null. */
  setHumanTyping(senderType) {
    this.humanTyping = senderType;
    clearTimeout(this.humanTypingTimer);
    if (senderType) {
      this.humanTypingTimer = setTimeout(() => this.setHumanTyping(null), HUMAN_TYPING_TIMEOUT_MS);
    }
    this.renderTyping();
  }

  /** ai-reply-chunk: the answer grows while the assistant writes it; the stored new-message replaces it. */
  chunk(event) {
    if (event.conversationId !== this.conversationId || event.truncated) {
      return;
    }
    let draft = this.drafts.get(event.replyId);
    if (!draft) {
      const node = this.messageNode({ senderType: 'ai', content: '', createdAt: new Date().toISOString() });
      node.classList.add('message--draft');
      // Screen readers hear the finished answer once, not every chunk.
      node.setAttribute('aria-hidden', 'true');
      draft = { node, parts: [] };
      this.drafts.set(event.replyId, draft);
      const stick = this.nearEnd();
      this.list.append(node);
      this.scrollToEnd(stick);
    }
    draft.parts[event.index] = event.delta;
    draft.node.querySelector('.message__text').textContent = draft.parts.join('');
    this.renderTyping();
    this.scrollToEnd(this.nearEnd());
  }

  clearDrafts() {
    this.drafts.forEach((draft) => draft.node.remove());
    this.drafts.clear();
    this.renderTyping();
  }

  renderTyping() {
    const indicator = this.typingIndicator;
    if (!indicator) {
      return;
    }
    let text = null;
    let kind = null;
    if (this.aiTyping && this.drafts.size === 0) {
      text = 'AI assistant is typing';
      kind = 'ai';
    } else if (this.humanTyping) {
      text = `${this.options.senderLabel({ senderType: this.humanTyping }).text} is typing`;
      kind = this.humanTyping;
    }
    indicator.hidden = text === null;
    indicator.dataset.kind = kind ?? '';
    indicator.querySelector('.typing__text').textContent = text ?? '';
  }

  messageNode(message) {
    const node = element('li', 'message');
    this.fillMessage(node, message);
    return node;
  }

  fillMessage(node, message) {
    const mine = this.isMine(message);
    node.className = `message message--${message.senderType}${mine ? ' message--mine' : ''}`;
    node.dataset.sender = message.senderType;
    node.dataset.mine = String(mine);
    node.dataset.other = String(this.isOtherSide(message));
    const label = this.options.senderLabel(message);
    const sender = element('p', 'message__sender');
    sender.append(element('span', `badge badge--${label.kind}`, label.text));
    const text = element('p', 'message__text', message.content ?? '');
    const meta = element('p', 'message__meta');
    const time = element('time', null, formatTime(message.createdAt));
    if (message.createdAt) {
      time.dateTime = message.createdAt;
    }
    meta.append(time);
    if (mine) {
      const ticks = element('span', 'ticks');
      ticks.append(element('span', 'ticks__marks'), element('span', 'visually-hidden ticks__label'));
      ticks.querySelector('.ticks__marks').setAttribute('aria-hidden', 'true');
      meta.append(ticks);
    }
    const children = [sender, text];
    const handOff = message.handOff || (message.metadata && message.metadata.handOff);
    if (handOff) {
      node.classList.add('message--handoff');
      children.push(element('p', 'message__note', 'Passed on to the owner'));
    }
    children.push(meta);
    node.replaceChildren(...children);
  }

  /** Moves a tick forward only (a late "sent" never undoes "read"), unless forced. */
  setStatus(node, status, force = false) {
    const current = node.dataset.status;
    if (!force && status !== 'failed' && current && STATUS_ORDER.indexOf(current) >= STATUS_ORDER.indexOf(status)) {
      return;
    }
    node.dataset.status = status;
    const ticks = node.querySelector('.ticks');
    if (ticks) {
      ticks.dataset.status = status;
      ticks.querySelector('.ticks__marks').textContent = TICKS[status][0];
      ticks.querySelector('.ticks__label').textContent = TICKS[status][1];
      ticks.title = TICKS[status][1];
    }
  }

  insertBySeq(node, seq) {
    for (const child of this.list.children) {
      const childSeq = Number(child.dataset.seq);
      if (!child.dataset.seq || child.classList.contains('message--draft') || childSeq > seq) {
        this.list.insertBefore(node, child);
        return;
      }
    }
    this.list.append(node);
  }

  nearEnd() {
    return this.scroller.scrollHeight - this.scroller.scrollTop - this.scroller.clientHeight < 80;
  }

  scrollToEnd(really) {
    if (really) {
      this.scroller.scrollTop = this.scroller.scrollHeight;
    }
  }
}
