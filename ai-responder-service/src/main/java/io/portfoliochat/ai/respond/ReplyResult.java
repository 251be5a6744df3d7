package io.portfoliochat.ai.respond;

import io.portfoliochat.events.AiReplyMetadata;
import io.portfoliochat.events.HandOffReason;
import java.util.List;

/**
 * What became of a request to answer: a reply, a hand-off, or nothing (dropped), and whether it
 * was published to the conversation.
 */
public record ReplyResult(
        Kind kind,
        String replyId,
        List<Long> inReplyTo,
        String content,
        AiReplyMetadata metadata,
        HandOffReason handOffReason,
        String visitorNotice,
        String detail,
        boolean published) {

    public enum Kind { REPLIED, HANDED_OFF, DROPPED, ALREADY_ANSWERED }

    static ReplyResult dropped(String replyId, List<Long> inReplyTo, String why) {
        return new ReplyResult(Kind.DROPPED, replyId, inReplyTo, null, null, null, null, why, false);
    }
}
