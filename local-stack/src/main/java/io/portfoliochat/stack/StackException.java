package io.portfoliochat.stack;

/** Something the person running the stack can fix; the message says what. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }
}
