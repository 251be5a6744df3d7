package io.portfoliochat.ai.history;

import io.portfoliochat.events.MessageCreated;
import io.portfoliochat.events.SenderType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The last messages of recently active conversations, and how many AI replies each has had (for
 * the reply cap), kept from {@code message.created} events. Bounded: the least recently used
 * conversations are forgotten, and chat-service is asked again when one comes back.
 */
public class ConversationHistory {

    private final int messagesPerConversation;
    private final Map<Long, Conversation> conversations;

    public ConversationHistory(int messagesPerConversation, int maxConversations) {
        this.messagesPerConversation = messagesPerConversation;
        this.conversations = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Conversation> eldest) {
                return size() > maxConversations;
            }
        };
    }

    public synchronized void record(MessageCreated message) {
        Conversation conversation = conversations.computeIfAbsent(message.conversationId(), id -> new Conversation());
        conversation.add(new HistoryMessage(message.messageId(), message.seq(), message.senderType(), message.content(),
                message.createdAt()), messagesPerConversation);
        if (message.senderType() == SenderType.AI && message.handOffReason() == null) {
            conversation.countReply(message.inReplyTo().isEmpty()
                    ? "message:" + message.messageId()
                    : "answer:" + message.inReplyTo().get(message.inReplyTo().size() - 1));
        }
    }

    /** Counts a reply this instance published (chat-service's message.created for it may come later). */
    public synchronized void recordOwnReply(long conversationId, List<Long> inReplyTo) {
        if (!inReplyTo.isEmpty()) {
            conversations.computeIfAbsent(conversationId, id -> new Conversation())
                    .countReply("answer:" + inReplyTo.get(inReplyTo.size() - 1));
        }
    }

    /** Seeds a conversation from chat-service after a miss; messages oldest first. */
    public synchronized void seed(long conversationId, List<HistoryMessage> messages) {
        Conversation conversation = conversations.computeIfAbsent(conversationId, id -> new Conversation());
        List<HistoryMessage> known = new ArrayList<>(conversation.messages);
        conversation.messages.clear();
        for (HistoryMessage message : messages) {
            conversation.add(message, messagesPerConversation);
            if (message.senderType() == SenderType.AI) {
                conversation.countReply("message:" + message.messageId());
            }
        }
        known.forEach(message -> conversation.add(message, messagesPerConversation));
        conversation.seeded = true;
    }

    /** The remembered messages, oldest first; empty when this instance knows nothing of the conversation. */
    public synchronized Optional<List<HistoryMessage>> recent(long conversationId) {
        Conversation conversation = conversations.get(conversationId);
        return conversation == null ? Optional.empty() : Optional.of(List.copyOf(conversation.messages));
    }

    /** True when the history was loaded from chat-service or has been followed since the conversation began. */
    public synchronized boolean complete(long conversationId) {
        Conversation conversation = conversations.get(conversationId);
        return conversation != null && (conversation.seeded || conversation.startedHere);
    }

    /** Marks a conversation whose first message this instance saw, so its history is complete without asking. */
    public synchronized void startedHere(long conversationId) {
        conversations.computeIfAbsent(conversationId, id -> new Conversation()).startedHere = true;
    }

    public synchronized int aiReplies(long conversationId) {
        Conversation conversation = conversations.get(conversationId);
        return conversation == null ? 0 : conversation.replyKeys.size();
    }

    private static final class Conversation {
        private final Deque<HistoryMessage> messages = new ArrayDeque<>();
        private final Set<String> replyKeys = new HashSet<>();
        private boolean seeded;
        private boolean startedHere;

        void add(HistoryMessage message, int limit) {
            if (messages.stream().anyMatch(known -> known.messageId() == message.messageId())) {
                return;
            }
            messages.addLast(message);
            List<HistoryMessage> sorted = new ArrayList<>(messages);
            sorted.sort(java.util.Comparator.comparingLong(HistoryMessage::seq));
            messages.clear();
            messages.addAll(sorted.subList(Math.max(0, sorted.size() - limit), sorted.size()));
        }

        void countReply(String key) {
            replyKeys.add(key);
        }
    }
}
