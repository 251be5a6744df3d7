package io.portfoliochat.admin.conversation;

import io.portfoliochat.events.ConversationStatus;

/** The answer of PATCH /api/chat/conversations/{id} (seed 6.1.4). */
record ConversationView(long id, ConversationStatus status, boolean isAiHandled) {
}
