package io.portfoliochat.ai.respond;

import io.portfoliochat.ai.analysis.Analysis;
import io.portfoliochat.ai.history.HistoryMessage;
import io.portfoliochat.events.ChatSettings;
import java.util.List;

/**
 * Everything a responder needs for one reply.
 *
 * @param question the visitor message(s) being answered, joined in order
 * @param history  the conversation's recent messages, oldest first, without the ones being answered
 * @param analysis the shared reading of the question against the portfolio
 */
public record ReplyRequest(long conversationId, String question, List<HistoryMessage> history, ChatSettings settings,
                           Analysis analysis) {

    public ReplyRequest {
        history = List.copyOf(history);
    }
}
