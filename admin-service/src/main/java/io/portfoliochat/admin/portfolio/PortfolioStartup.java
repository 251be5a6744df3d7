package io.portfoliochat.admin.portfolio;

import io.portfoliochat.admin.web.JsonBodies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * On every start: loads the demo portfolio when nothing is stored and the demo flag is on, and
 * publishes the stored portfolio, so the compacted topic is never empty.
 */
@Component
class PortfolioStartup implements ApplicationRunner {

    static final String DEMO_RESOURCE = "portfolio/demo-portfolio.json";
    private static final Logger log = LoggerFactory.getLogger(PortfolioStartup.class);

    private final PortfolioService portfolios;
    private final PortfolioProperties properties;
    private final JsonBodies bodies;
    private final JsonMapper json;

    PortfolioStartup(PortfolioService portfolios, PortfolioProperties properties, JsonBodies bodies, JsonMapper json) {
        this.portfolios = portfolios;
        this.properties = properties;
        this.bodies = bodies;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.demo() && portfolios.loadDemoIfEmpty(demo().toPortfolio())) {
            log.info("No portfolio stored yet: loaded the demo portfolio (PORTFOLIO_DEMO=true)");
            return;
        }
        portfolios.publishCurrent();
    }

    /** The demo document, checked by the same rules as a PUT. */
    PortfolioDocument demo() {
        try (InputStream in = new ClassPathResource(DEMO_RESOURCE).getInputStream()) {
            JsonNode document = json.readTree(in);
            return bodies.read(document, PortfolioDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DEMO_RESOURCE, e);
        }
    }
}
