package io.portfoliochat.realtime.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;

/** A connection's outbound queue, heartbeat and client-event limit, on a sink the test drives. */
class ConnectionTest {

    private static final Connection.Limits LIMITS = new Connection.Limits(5, 1_000_000, 10);

    /** Records writes; completes them when the test says so (or at once). */
    private static final class RecordingSink implements FrameSink {
        final List<String> written = new ArrayList<>();
        final List<Consumer<Throwable>> pending = new ArrayList<>();
        final boolean completeInline;
        int pings;
        CloseStatus closed;
        int maxInFlight;

        RecordingSink(boolean completeInline) {
            this.completeInline = completeInline;
        }

        @Override
        public void sendText(String text, Consumer<Throwable> done) {
            written.add(text);
            if (completeInline) {
                done.accept(null);
            } else {
                pending.add(done);
                maxInFlight = Math.max(maxInFlight, pending.size());
            }
        }

        void completeNext() {
            pending.remove(0).accept(null);
        }

        @Override
        public void sendPing() {
            pings++;
        }

        @Override
        public void close(CloseStatus status) {
            closed = status;
        }
    }

    private final List<String> counted = new ArrayList<>();

    private Connection connection(RecordingSink sink) {
        return new Connection("1.1", sink, LIMITS, Runnable::run, () -> counted.add("written"),
                status -> counted.add("closed " + status.getCode()));
    }

    @Test
    void framesAreWrittenOneAtATimeInOrder() {
        RecordingSink sink = new RecordingSink(false);
        Connection connection = connection(sink);

        connection.send("a");
        connection.send("b");
        connection.send("c");
        assertThat(sink.written).containsExactly("a");
        sink.completeNext();
        sink.completeNext();
        sink.completeNext();

        assertThat(sink.written).containsExactly("a", "b", "c");
        assertThat(sink.maxInFlight).isEqualTo(1);
        assertThat(counted).hasSize(3);
    }

    @Test
    void writesThatCompleteImmediatelyDoNotNestCalls() {
        RecordingSink sink = new RecordingSink(true);
        Connection connection = new Connection("1.1", sink, new Connection.Limits(100_000, Long.MAX_VALUE, 10), Runnable::run,
                () -> { }, status -> { });

        for (int i = 0; i < 50_000; i++) {
            connection.send(Integer.toString(i));
        }

        assertThat(sink.written).hasSize(50_000).startsWith("0", "1").endsWith("49999");
    }

    @Test
    void aClientThatFallsBehindIsDisconnectedWith4100InsteadOfBlockingTheSender() {
        RecordingSink sink = new RecordingSink(false);
        Connection connection = connection(sink);

        for (int i = 0; i < 1 + LIMITS.maxQueuedFrames() + 1; i++) {
            connection.send("frame " + i);
        }

        assertThat(sink.closed.getCode()).isEqualTo(Connection.CLOSE_OVER_CAPACITY);
        assertThat(counted).containsExactly("closed 4100");
        assertThat(connection.isOpen()).isFalse();
        connection.send("after close");
        assertThat(sink.written).containsExactly("frame 0");
    }

    @Test
    void aLastFrameIsWrittenBeforeTheConnectionCloses() {
        RecordingSink sink = new RecordingSink(false);
        Connection connection = connection(sink);

        connection.send("first");
        connection.sendThenClose("error", new CloseStatus(4009, "Unauthorized"));
        assertThat(sink.closed).isNull();
        sink.completeNext();
        assertThat(sink.closed).isNull();
        sink.completeNext();

        assertThat(sink.written).containsExactly("first", "error");
        assertThat(sink.closed.getCode()).isEqualTo(4009);
    }

    @Test
    void silentConnectionIsPingedThenClosedWith4201UnlessItAnswers() {
        RecordingSink sink = new RecordingSink(true);
        Connection connection = connection(sink);
        long start = System.nanoTime();
        long activity = TimeUnit.SECONDS.toNanos(120);
        long pong = TimeUnit.SECONDS.toNanos(30);

        connection.checkAlive(start + activity / 2, activity, pong, "ping");
        assertThat(sink.pings).isZero();
        connection.checkAlive(start + activity + 1, activity, pong, "ping");
        assertThat(sink.pings).isEqualTo(1);
        assertThat(sink.written).containsExactly("ping");

        connection.touched();
        connection.checkAlive(System.nanoTime() + pong + 1, activity, pong, "ping");
        assertThat(sink.closed).as("answered, so kept").isNull();

        long later = System.nanoTime() + activity + 1;
        connection.checkAlive(later, activity, pong, "ping");
        connection.checkAlive(later + pong, activity, pong, "ping");
        assertThat(sink.closed.getCode()).isEqualTo(Connection.CLOSE_PONG_TIMEOUT);
    }

    @Test
    void clientEventsAreLimitedPerOneSecondWindow() {
        Connection connection = connection(new RecordingSink(true));
        long start = 1_000_000_000L;
        for (int i = 0; i < 10; i++) {
            assertThat(connection.allowClientEvent(start + i)).isTrue();
        }
        assertThat(connection.allowClientEvent(start + 20)).isFalse();
        assertThat(connection.allowClientEvent(start + TimeUnit.SECONDS.toNanos(1) + 1)).isTrue();
    }
}
