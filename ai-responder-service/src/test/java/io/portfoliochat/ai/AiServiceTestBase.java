package io.portfoliochat.ai;

import static io.portfoliochat.ai.AiEventsFixture.settings;

import io.micrometer.core.instrument.MeterRegistry;
import io.portfoliochat.ai.state.AiState;
import io.portfoliochat.support.kafka.TopicNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A test class's running service with Rina's sample portfolio loaded and AI switched on, and the
 * fixture that plays the other services. Subclasses carry their own {@code @ServiceIntegrationTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AiServiceTestBase {

    @Autowired
    protected TopicNames topics;
    @Autowired
    protected AiState state;
    @Autowired
    protected MeterRegistry meters;

    protected AiEventsFixture events;

    @BeforeAll
    void startFixtureWithSamplePortfolio() {
        events = new AiEventsFixture(topics, state, meters);
        events.publishPortfolio(TestPortfolios.rina());
        events.publishSettings(settings(true, 0));
    }

    @AfterAll
    void closeFixture() {
        events.close();
    }
}
