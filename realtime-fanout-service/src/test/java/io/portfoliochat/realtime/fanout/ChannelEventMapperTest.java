package io.portfoliochat.realtime.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.events.AiHandedOff;
import io.portfoliochat.events.AiReplyChunk;
import io.portfoliochat.events.AiReplyGenerated;
import io.portfoliochat.events.EventCodec;
import io.portfoliochat.events.HandOffReason;
import io.portfoliochat.events.MessageCreated;
import io.portfoliochat.events.Portfolio;
import io.portfoliochat.events.PortfolioChanged;
import io.portfoliochat.events.SenderType;
import io.portfoliochat.events.UnknownEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The mapping rules that the end-to-end fan-out test does not already pin. */
class ChannelEventMapperTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2026-01-28T09:15:30.123Z");
    private final ChannelEventMapper mapper = new ChannelEventMapper(new EventCodec().mapper(), 10 * 1024);

    @Test
    void aiHandOffNoticeCarriesTheReasonAndLeavesOutAbsentFields() {
        MessageCreated notice = new MessageCreated(5, 50, 3, SenderType.AI, null, null, "The owner will reply soon.", "ai-re:49",
                List.of(49L), null, HandOffReason.UNKNOWN_ANSWER, AT);

        List<ChannelEvent> events = mapper.map(notice);

        assertThat(events).extracting(ChannelEvent::channel, ChannelEvent::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple("private-conversation-5", "new-message"),
                org.assertj.core.groups.Tuple.tuple("private-admin-notifications", "new-message-alert"));
        assertThat(JSON.readTree(events.get(0).data())).isEqualTo(JSON.readTree("""
                {"id":50,"seq":3,"conversationId":5,"content":"The owner will reply soon.","senderType":"ai",
                 "createdAt":"2026-01-28T09:15:30.123Z","isRead":false,"clientMessageId":"ai-re:49",
                 "handOff":{"reason":"unknown_answer"}}"""));
        assertThat(JSON.readTree(events.get(1).data()).has("visitorName")).isFalse();
    }

    @Test
    void previewsKeepTheFirstHundredCharactersWithoutSplittingEmoji() {
        String emoji = "😀".repeat(150);
        String preview = ChannelEventMapper.preview(emoji);
        assertThat(preview.codePointCount(0, preview.length())).isEqualTo(101);
        assertThat(preview).startsWith("😀😀").endsWith("😀…");
        assertThat(ChannelEventMapper.preview("short")).isEqualTo("short");
    }

    @Test
    void handOffWithoutAnEarlierVisitorMessageHasNoPreview() {
        List<ChannelEvent> events = mapper.map(new AiHandedOff(77, "r", List.of(), HandOffReason.PROVIDER_ERROR, "notice", null, AT));
        assertThat(JSON.readTree(events.get(0).data()).has("messagePreview")).isFalse();
        assertThat(JSON.readTree(events.get(0).data()).get("reason").asString()).isEqualTo("provider_error");
    }

    @Test
    void oversizedChunkBecomesAReference() {
        List<ChannelEvent> events = mapper.map(new AiReplyChunk(9, "r-1", 4, "x".repeat(11_000)));
        assertThat(JSON.readTree(events.get(0).data())).isEqualTo(JSON.readTree(
                "{\"conversationId\":9,\"replyId\":\"r-1\",\"index\":4,\"truncated\":true}"));
    }

    @Test
    void eventsClientsDoNotSeeAreNotPushed() {
        assertThat(mapper.map(new AiReplyGenerated(1, "r", List.of(1L), "stored later as a message", null, AT))).isEmpty();
        assertThat(mapper.map(new PortfolioChanged(Portfolio.empty(), "admin", AT))).isEmpty();
        assertThat(mapper.map(new UnknownEvent("conversation.archived", "1", "{}"))).isEmpty();
    }
}
