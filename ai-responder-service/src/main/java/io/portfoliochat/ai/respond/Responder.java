package io.portfoliochat.ai.respond;

/**
 * Writes the assistant's answer to a visitor: the offline retrieval responder, or an LLM provider.
 * Implementations stream partial text to {@link ReplyStream} when they can and stop early when it
 * says the reply is no longer wanted.
 */
public interface Responder {

    /** The provider name reported in the reply metadata ("offline", "openai"). */
    String provider();

    ResponderOutcome respond(ReplyRequest request, ReplyStream stream);
}
