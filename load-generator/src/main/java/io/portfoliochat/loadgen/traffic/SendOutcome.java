package io.portfoliochat.loadgen.traffic;

/**
 * What became of one {@code POST /api/chat/send}. Times are wall-clock microseconds.
 *
 * @param postedAt   when the request was handed to the HTTP client
 * @param answeredAt when the answer (or the failure) came back
 * @param createdAt  chat-service's {@code createdAt}: stamped in the transaction that stored the message
 * @param error      null for a 201
 */
public record SendOutcome(String clientMessageId, long postedAt, long answeredAt, long messageId, long conversationId,
                          long seq, long createdAt, boolean aiResponsePending, String error) {

    static SendOutcome failed(String clientMessageId, long postedAt, long answeredAt, String error) {
        return new SendOutcome(clientMessageId, postedAt, answeredAt, 0, 0, 0, 0, false, error);
    }

    public boolean accepted() {
        return error == null;
    }
}
