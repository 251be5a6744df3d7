package io.portfoliochat.realtime.pusher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.pusher.rest.Pusher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.portfoliochat.realtime.fanout.ChannelEvent;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishing to Pusher over real HTTP, with Pusher's API played by WireMock (pusher.com is unreachable
 * here): batching, retries of transient failures, no retries of refusals, metrics.
 */
class PusherChannelsPublisherTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private WireMockServer pusherApi;
    private SimpleMeterRegistry meters;
    private PusherChannelsPublisher publisher;
    private Pusher client;

    @BeforeEach
    void start() {
        pusherApi = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        pusherApi.start();
        client = new Pusher("123", "app-key", "app-secret");
        client.setDataMarshaller(data -> (String) data);
        client.setHost("localhost:" + pusherApi.port());
        meters = new SimpleMeterRegistry();
        publisher = new PusherChannelsPublisher(client,
                new PublishProperties(10, 3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(2), 1), meters);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        pusherApi.stop();
    }

    private static List<ChannelEvent> events(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> new ChannelEvent("private-conversation-1", "new-message", "{\"seq\":" + n + "}")).toList();
    }

    @Test
    void readyEventsGoInBatchesOfAtMostTenInOrderWithTheirDataUnchanged() {
        pusherApi.stubFor(post(urlPathEqualTo("/apps/123/batch_events")).willReturn(aResponse().withStatus(200).withBody("{}")));

        publisher.publish(events(22));

        List<LoggedRequest> calls = pusherApi.findAll(postRequestedFor(urlPathEqualTo("/apps/123/batch_events")));
        assertThat(calls).hasSize(3);
        List<Integer> sizes = calls.stream().map(call -> JSON.readTree(call.getBodyAsString()).get("batch").size()).toList();
        assertThat(sizes).containsExactly(10, 10, 2);
        JsonNode first = JSON.readTree(calls.get(0).getBodyAsString()).get("batch").get(0);
        assertThat(first.get("data").asString()).isEqualTo("{\"seq\":1}");
        assertThat(first.get("channel").asString()).isEqualTo("private-conversation-1");
        assertThat(calls.get(0).queryParameter("auth_signature").isPresent()).isTrue();
        assertThat(meters.counter("realtime.published", "mode", "pusher").count()).isEqualTo(22);
    }

    @Test
    void aSingleEventUsesTheEventsEndpoint() {
        pusherApi.stubFor(post(urlPathEqualTo("/apps/123/events")).willReturn(aResponse().withStatus(200).withBody("{}")));

        publisher.publish(events(1));

        JsonNode body = JSON.readTree(pusherApi.findAll(postRequestedFor(urlPathEqualTo("/apps/123/events"))).get(0).getBodyAsString());
        assertThat(body.get("name").asString()).isEqualTo("new-message");
        assertThat(body.get("data").asString()).isEqualTo("{\"seq\":1}");
    }

    @Test
    void transientFailuresAreRetriedUntilTheyGoThrough() {
        pusherApi.stubFor(post(urlPathEqualTo("/apps/123/batch_events")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovering"));
        pusherApi.stubFor(post(urlPathEqualTo("/apps/123/batch_events")).inScenario("flaky").whenScenarioStateIs("recovering")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        pusherApi.stubFor(post(urlPathEqualTo("/apps/123/batch_events")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody("{}")));

        publisher.publish(events(2));

        assertThat(pusherApi.findAll(postRequestedFor(urlPathEqualTo("/apps/123/batch_events")))).hasSize(3);
        assertThat(meters.counter("realtime.published", "mode", "pusher").count()).isEqualTo(2);
        assertThat(meters.find("realtime.publish.failures").counter()).isNull();
    }

    @Test
    void failuresThatPersistAreCountedAfterTheLastAttempt() {
        pusherApi.stubFor(post(urlPathEqualTo("/apps/123/batch_events")).willReturn(aResponse().withStatus(500)));

        publisher.publish(events(2));

        assertThat(pusherApi.findAll(postRequestedFor(urlPathEqualTo("/apps/123/batch_events")))).hasSize(3);
        assertThat(meters.counter("realtime.publish.failures", "mode", "pusher", "reason", "SERVER_ERROR").count()).isEqualTo(2);
    }

    @Test
    void refusalsAreNotRetried() {
        pusherApi.stubFor(post(urlPathEqualTo("/apps/123/batch_events")).willReturn(aResponse().withStatus(401).withBody("bad signature")));

        publisher.publish(events(3));

        assertThat(pusherApi.findAll(postRequestedFor(urlPathEqualTo("/apps/123/batch_events")))).hasSize(1);
        assertThat(meters.counter("realtime.publish.failures", "mode", "pusher", "reason", "AUTHENTICATION_ERROR").count())
                .isEqualTo(3);
    }

    @Test
    void anUnreachableApiCountsAsANetworkFailure() throws Exception {
        int port = pusherApi.port();
        pusherApi.stop();
        client.setHost("localhost:" + port);

        publisher.publish(events(1));

        assertThat(meters.counter("realtime.publish.failures", "mode", "pusher", "reason", "NETWORK_ERROR").count()).isEqualTo(1);
    }
}
