package io.portfoliochat.ai.respond;

/** Where a responder sends partial text while it generates, and how it learns to stop. */
public interface ReplyStream {

    /** A piece of the reply; callers batch these into chunk events. */
    void delta(String text);

    /** True once the reply is no longer wanted (the admin took over, the conversation closed). */
    boolean cancelled();

    ReplyStream NONE = new ReplyStream() {
        @Override
        public void delta(String text) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };
}
