package io.portfoliochat.admin.portfolio;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param demo load the demo portfolio when none is stored ({@code PORTFOLIO_DEMO}; on in the local profile) */
@ConfigurationProperties("portfoliochat.portfolio")
record PortfolioProperties(boolean demo) {
}
