package io.portfoliochat.chat.message;

import java.util.List;

/**
 * Body of {@code POST /api/chat/messages/read}: marks the other side's messages read — the listed
 * ones, those up to an id, or (neither given) all of them.
 */
record ReadRequest(Long conversationId, List<Long> messageIds, Long upToMessageId) {
}
