package io.portfoliochat.chat.message;

/** Body of {@code POST /api/chat/send} (seed 6.1.1 plus the client's de-duplication id). */
record SendMessageRequest(Long conversationId, String content, String visitorName, String visitorEmail,
                          String clientMessageId) {
}
