package io.portfoliochat.admin.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.events.EventCodec;
import io.portfoliochat.events.Portfolio;
import io.portfoliochat.events.PortfolioChanged;
import io.portfoliochat.support.kafka.TopicNames;
import io.portfoliochat.testsupport.EventsProbe;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestAdminTokens;
import io.portfoliochat.testsupport.TestHttp;
import io.portfoliochat.testsupport.TestKafka;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;

@ServiceIntegrationTest(properties = "PORTFOLIO_DEMO=true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoPortfolioTest {

    @LocalServerPort
    int port;

    @Autowired
    TopicNames topicNames;

    @Autowired
    PortfolioStartup startup;

    @Test
    @Order(1)
    void withTheDemoFlagAnEmptyPortfolioIsFilledWithTheFictionalDemoDeveloperAndPublished() {
        Portfolio portfolio = new EventCodec().mapper().treeToValue(TestHttp.localhost(port).get("/api/portfolio").data(), Portfolio.class);

        assertThat(portfolio.about().name()).isEqualTo("Dimas Pratama").isNotEqualTo("Rina Kusuma");
        assertThat(portfolio.about().location()).contains("Indonesia");
        assertThat(portfolio.techStack()).hasSizeBetween(3, 4);
        assertThat(portfolio.career()).hasSize(3).allSatisfy(entry -> assertThat(entry.projectList()).isNotEmpty());
        try (EventsProbe probe = EventsProbe.on(TestKafka.bootstrapServers(), topicNames.portfolio())) {
            PortfolioChanged published = probe.await(PortfolioChanged.class,
                    event -> event.changedBy().equals(PortfolioService.DEMO_PUBLISHER));
            assertThat(published.portfolio()).isEqualTo(portfolio);
        }
    }

    @Test
    @Order(2)
    void theDemoNeverReplacesAPortfolioTheOwnerStored() throws Exception {
        Portfolio own = PortfolioIntegrationTest.fullPortfolio("Fajar Hidayat");
        TestHttp admin = TestHttp.localhost(port).withHeader("Authorization", TestAdminTokens.bearer(TestAdminTokens.valid()));
        assertThat(admin.putJson("/api/portfolio", own).status()).isEqualTo(200);

        startup.run(new DefaultApplicationArguments());

        assertThat(new EventCodec().mapper().treeToValue(TestHttp.localhost(port).get("/api/portfolio").data(), Portfolio.class))
                .isEqualTo(own);
    }
}
