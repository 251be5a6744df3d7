package io.portfoliochat.ai.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.portfoliochat.ai.AiEventsFixture.WAIT;
import static io.portfoliochat.ai.AiEventsFixture.newId;
import static io.portfoliochat.ai.AiEventsFixture.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.portfoliochat.ai.AiEventsFixture;
import io.portfoliochat.ai.TestPortfolios;
import io.portfoliochat.ai.state.AiState;
import io.portfoliochat.events.AiHandedOff;
import io.portfoliochat.events.HandOffReason;
import io.portfoliochat.events.MessageCreated;
import io.portfoliochat.support.kafka.TopicNames;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The OpenAI API key is sent to the provider and nowhere else: not in the service's log output
 * (captured from before the service starts), not in the events it publishes — even when a provider
 * echoes the key back in its error messages, as some OpenAI-compatible servers do.
 */
@ServiceIntegrationTestWithOpenAi
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyStaysSecretTest {

    private static final String API_KEY = "sk-proj-" + UUID.randomUUID().toString().replace("-", "") + "Zq9";
    private static final WireMockServer openAi = new WireMockServer(options().dynamicPort());

    static {
        openAi.start();
    }

    @DynamicPropertySource
    static void providerWithTheSecretKey(DynamicPropertyRegistry registry) {
        registry.add("spring.ai.openai.base-url", () -> openAi.baseUrl() + "/v1");
        registry.add("spring.ai.openai.api-key", () -> API_KEY);
    }

    @Autowired
    TopicNames topics;
    @Autowired
    AiState state;
    @Autowired
    MeterRegistry meters;

    @AfterAll
    static void stopTheProvider() {
        openAi.stop();
    }

    @Test
    void theKeyReachesOnlyTheProviderEvenWhenTheProviderEchoesIt(CapturedOutput output) {
        openAi.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("her hobbies"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(OpenAiStub.stream(List.of("Rina enjoys climbing and photography."), 50, 8))));
        openAi.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("Where is Rina based"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + API_KEY
                                + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")));
        openAi.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("her Go skills"))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"upstream rejected Authorization: Bearer " + API_KEY + "\"}}")));

        try (AiEventsFixture events = new AiEventsFixture(topics, state, meters)) {
            events.publishPortfolio(TestPortfolios.rina());
            events.publishSettings(settings(true, 0));

            MessageCreated hobbies = events.visitorSays(newId(), 1, "What are her hobbies?");
            MessageCreated location = events.visitorSays(newId(), 1, "Where is Rina based?");
            MessageCreated skills = events.visitorSays(newId(), 1, "Tell me about her Go skills");

            assertThat(events.awaitReplyTo(hobbies.messageId()).content()).contains("climbing");
            for (MessageCreated failed : List.of(location, skills)) {
                AiHandedOff handOff = events.probe().await(AiHandedOff.class, h -> h.inReplyTo().contains(failed.messageId()), WAIT);
                assertThat(handOff.reason()).isEqualTo(HandOffReason.PROVIDER_ERROR);
                assertThat(handOff.detail()).as("the hand-off the owner sees").doesNotContain(API_KEY);
            }
            assertThat(events.probe().all()).as("every event published")
                    .allSatisfy(event -> assertThat(event.envelope().toString()).doesNotContain(API_KEY));
        }

        openAi.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", equalTo("Bearer " + API_KEY)));
        assertThat(output.getAll()).as("the service's log output").contains("OpenAI provider failed").doesNotContain(API_KEY);
    }
}
