package io.portfoliochat.loadgen.traffic;

import io.portfoliochat.loadgen.pusher.PusherSocket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A visitor (with its conversation) or the admin: credentials, the connected socket, and a counter for
 * unique client message ids.
 *
 * @param index          {@link Deliveries#ADMIN} for the admin, else the visitor's number
 * @param conversationId the visitor's conversation; 0 for the admin
 */
public record Participant(int index, Map<String, String> credentials, long conversationId, PusherSocket socket,
                          AtomicInteger messagesSent) {

    String nextClientMessageId(String runId) {
        return runId + "-" + (index == Deliveries.ADMIN ? "a" : "v" + index) + "-" + messagesSent.incrementAndGet();
    }
}
