package io.portfoliochat.admin.portfolio;

import io.portfoliochat.admin.web.AdminOnly;
import io.portfoliochat.admin.web.JsonBodies;
import io.portfoliochat.events.Portfolio;
import io.portfoliochat.support.security.AdminPrincipal;
import io.portfoliochat.support.web.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/portfolio")
class PortfolioController {

    private final PortfolioService portfolios;
    private final JsonBodies bodies;

    PortfolioController(PortfolioService portfolios, JsonBodies bodies) {
        this.portfolios = portfolios;
        this.bodies = bodies;
    }

    /** Public: what the portfolio site and the AI assistant know about the owner. */
    @GetMapping
    ApiResponse<Portfolio> current() {
        return ApiResponse.ok(portfolios.current());
    }

    /** Replaces the whole document; answers with what was stored. */
    @AdminOnly
    @PutMapping
    ApiResponse<Portfolio> replace(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = Portfolio.class)))
            @RequestBody(required = false) JsonNode body,
            AdminPrincipal admin) {
        PortfolioDocument document = bodies.read(body, PortfolioDocument.class);
        return ApiResponse.ok(portfolios.replace(document.toPortfolio(), admin.displayName()));
    }
}
