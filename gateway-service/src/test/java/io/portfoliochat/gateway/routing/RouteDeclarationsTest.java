package io.portfoliochat.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portfoliochat.gateway.GatewayApplication;
import io.portfoliochat.testsupport.TestAdminTokens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A route that does not say who may call it, or declares a limit the gateway does not know, stops the start. */
class RouteDeclarationsTest {

    @Test
    void aRouteWithoutAccessStopsTheGatewayFromStarting() {
        assertThat(startupFailureWith()).contains(
                "Gateway route 'undeclared' must declare metadata access as one of: public, visitor-or-admin, admin");
    }

    @Test
    void aRouteWithAnUnknownRateLimitStopsTheGatewayFromStarting() {
        assertThat(startupFailureWith("access=public", "rate-limit=everything")).contains(
                "Gateway route 'undeclared' has an unknown rate-limit 'everything'; known: messages, sessions, logins");
    }

    @Test
    void aRouteWithAnUnreadableBodyLimitStopsTheGatewayFromStarting() {
        assertThat(startupFailureWith("access=admin", "max-body-size=lots")).contains(
                "Gateway route 'undeclared' has an invalid max-body-size 'lots'");
    }

    @Test
    void theShippedRoutesAreAllValid() {
        List<String> arguments = new ArrayList<>(baseArguments());
        try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("test").run(arguments.toArray(String[]::new))) {
            assertThat(gateway.isRunning()).isTrue();
        }
    }

    /** The messages of the start-up failure and all its causes. */
    private static String startupFailureWith(String... metadata) {
        List<String> arguments = new ArrayList<>(baseArguments());
        String route = "--spring.cloud.gateway.server.webflux.routes[0].";
        arguments.add(route + "id=undeclared");
        arguments.add(route + "uri=http://127.0.0.1:9");
        arguments.add(route + "predicates[0]=Path=/api/undeclared");
        for (String entry : metadata) {
            arguments.add(route + "metadata." + entry);
        }
        StringBuilder messages = new StringBuilder();
        assertThatThrownBy(() -> new SpringApplicationBuilder(GatewayApplication.class).profiles("test")
                .run(arguments.toArray(String[]::new)).close())
                .satisfies(thrown -> {
                    for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                        messages.append(cause.getMessage()).append('\n');
                    }
                });
        return messages.toString();
    }

    private static List<String> baseArguments() {
        return List.of("--server.port=0", "--portfoliochat.security.jwt.secret=" + TestAdminTokens.SECRET);
    }
}
