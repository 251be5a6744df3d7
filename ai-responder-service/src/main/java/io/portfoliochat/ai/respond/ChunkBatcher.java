package io.portfoliochat.ai.respond;

import io.portfoliochat.events.AiReplyChunk;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Forwards streamed text to the visitor as {@code ai.reply-chunk} events, batching tiny deltas so a
 * reply becomes a handful of events rather than one per token.
 */
final class ChunkBatcher implements ReplyStream {

    private final long conversationId;
    private final String replyId;
    private final ConversationEventsOut out;
    private final long intervalNanos;
    private final BooleanSupplier cancelled;
    private final boolean publishChunks;
    private final StringBuilder pending = new StringBuilder();
    private long lastFlush = System.nanoTime();
    private int index;

    ChunkBatcher(long conversationId, String replyId, ConversationEventsOut out, Duration interval, boolean publishChunks,
                 BooleanSupplier cancelled) {
        this.publishChunks = publishChunks;
        this.conversationId = conversationId;
        this.replyId = replyId;
        this.out = out;
        this.intervalNanos = interval.toNanos();
        this.cancelled = cancelled;
    }

    @Override
    public synchronized void delta(String text) {
        if (text == null || text.isEmpty() || !publishChunks || cancelled()) {
            return;
        }
        pending.append(text);
        if (System.nanoTime() - lastFlush >= intervalNanos) {
            flush();
        }
    }

    @Override
    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }

    /** Sends what is still buffered (called when the reply is complete). */
    synchronized void flush() {
        if (pending.isEmpty() || !publishChunks || cancelled()) {
            return;
        }
        out.publish(new AiReplyChunk(conversationId, replyId, index++, pending.toString()));
        pending.setLength(0);
        lastFlush = System.nanoTime();
    }

    synchronized int chunksSent() {
        return index;
    }
}
