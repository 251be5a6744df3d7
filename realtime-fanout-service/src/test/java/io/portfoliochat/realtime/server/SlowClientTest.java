package io.portfoliochat.realtime.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Event;
import com.pusher.rest.data.Result;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.portfoliochat.realtime.mode.AppCredentials;
import io.portfoliochat.realtime.testing.RawSocket;
import io.portfoliochat.realtime.testing.RealtimeTestSupport;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client that stops reading must not hold anyone up: its frames queue up to the limit, then it is
 * disconnected as over capacity, while a client that reads gets every event.
 */
@ServiceIntegrationTest(properties = {
        "portfoliochat.realtime.server.max-queued-frames=50",
        "portfoliochat.realtime.server.max-queued-bytes=512KB"})
class SlowClientTest {

    private static final String CHANNEL = "firehose";

    @LocalServerPort
    int port;

    @Autowired
    AppCredentials credentials;

    @Autowired
    ChannelRegistry registry;

    @Autowired
    MeterRegistry meters;

    @Test
    void aClientThatStopsReadingIsDisconnectedAndTheOthersKeepReceiving() throws Exception {
        try (Socket stalled = stalledSubscriber(); RawSocket reader = RawSocket.connected(port, credentials.key())) {
            reader.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + CHANNEL + "\"}}");
            await().until(() -> registry.subscriptionCount(CHANNEL) == 2);
            Pusher api = RealtimeTestSupport.httpApi(port, credentials);
            String padding = "x".repeat(10_000);

            int published = 0;
            while (overCapacity() == 0 && published < 5_000) {
                List<Event> batch = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    batch.add(new Event(CHANNEL, "bulk", Map.of("n", published + i, "pad", padding)));
                }
                Result result = api.trigger(batch);
                assertThat(result.getStatus()).as(result.getMessage()).isEqualTo(Result.Status.SUCCESS);
                published += batch.size();
            }
            api.close();

            assertThat(overCapacity()).as("the stalled client was disconnected after %d events", published).isEqualTo(1);
            int expected = published;
            await().until(() -> reader.frames("bulk").size() == expected);
            assertThat(reader.isClosed()).isFalse();
            assertThat(drainsToEndOfStream(stalled)).as("the server closed the stalled connection").isTrue();
        }
    }

    private double overCapacity() {
        Counter counter = meters.find("realtime.connections.dropped").tag("reason", "over-capacity").counter();
        return counter == null ? 0 : counter.count();
    }

    /** A hand-made WebSocket client with a tiny receive buffer that subscribes and then never reads again. */
    private Socket stalledSubscriber() throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("localhost", port), 5000);
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /app/" + credentials.key() + "?protocol=7 HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(nonce) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String response = readHeaders(socket.getInputStream());
        assertThat(response).startsWith("HTTP/1.1 101");
        out.write(maskedTextFrame("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + CHANNEL + "\"}}"));
        out.flush();
        return socket;
    }

    private static String readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        while (!headers.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            headers.write(next);
        }
        return headers.toString(StandardCharsets.US_ASCII);
    }

    private static byte[] maskedTextFrame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        frame.write(0x80 | payload.length);
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        return frame.toByteArray();
    }

    /** Reads everything that is still buffered; true when the stream then ends (the server closed it). */
    private static boolean drainsToEndOfStream(Socket socket) throws IOException {
        socket.setSoTimeout(30_000);
        byte[] buffer = new byte[64 * 1024];
        try {
            while (socket.getInputStream().read(buffer) >= 0) {
                // discard
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }
}
