package io.portfoliochat.ai.history;

import io.portfoliochat.events.ConversationStatus;
import io.portfoliochat.events.EventCodec;
import io.portfoliochat.events.SenderType;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * chat-service's internal {@code GET /internal/conversations/{id}/recent-messages}: the history of a
 * conversation this instance has not followed (after a restart, or a partition moved here).
 */
public class RecentMessagesClient {

    private static final Logger log = LoggerFactory.getLogger(RecentMessagesClient.class);

    private final RestClient client;
    private final EventCodec codec;

    public RecentMessagesClient(String baseUrl, Duration timeout, EventCodec codec) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        factory.setReadTimeout(timeout);
        this.client = RestClient.builder().baseUrl(baseUrl).requestFactory(factory).build();
        this.codec = codec;
    }

    public Lookup fetch(long conversationId, int limit) {
        try {
            String body = client.get()
                    .uri("/internal/conversations/{id}/recent-messages?limit={limit}", conversationId, limit)
                    .retrieve()
                    .body(String.class);
            return parse(conversationId, body);
        } catch (HttpClientErrorException.NotFound e) {
            return new Lookup(Outcome.NOT_FOUND, null, true, List.of());
        } catch (RestClientException | JacksonException | IllegalArgumentException e) {
            log.warn("Could not load the history of conversation {} from chat-service: {}", conversationId, e.getMessage());
            return new Lookup(Outcome.UNAVAILABLE, null, true, List.of());
        }
    }

    private Lookup parse(long conversationId, String body) {
        JsonNode data = codec.mapper().readTree(body == null ? "{}" : body).path("data");
        if (data.isMissingNode() || !data.isObject()) {
            throw new IllegalArgumentException("chat-service answered without data for conversation " + conversationId);
        }
        ConversationStatus status = ConversationStatus.fromWireName(data.path("status").asString("active")).orElse(null);
        boolean aiHandled = !data.has("aiHandled") || data.path("aiHandled").asBoolean(true);
        List<HistoryMessage> messages = new ArrayList<>();
        for (JsonNode message : data.path("messages")) {
            SenderType sender = switch (message.path("senderType").asString("").toLowerCase(Locale.ROOT)) {
                case "visitor" -> SenderType.VISITOR;
                case "admin" -> SenderType.ADMIN;
                case "ai" -> SenderType.AI;
                default -> null;
            };
            if (sender == null) {
                continue;
            }
            Instant createdAt = message.hasNonNull("createdAt") ? Instant.parse(message.path("createdAt").asString()) : null;
            messages.add(new HistoryMessage(message.path("id").asLong(), message.path("seq").asLong(), sender,
                    message.path("content").asString(""), createdAt));
        }
        return new Lookup(Outcome.FOUND, status, aiHandled, messages);
    }

    public enum Outcome { FOUND, NOT_FOUND, UNAVAILABLE }

    /** What chat-service said: the conversation's status, AI handling and messages (oldest first). */
    public record Lookup(Outcome outcome, ConversationStatus status, boolean aiHandled, List<HistoryMessage> messages) {
    }
}
