package io.portfoliochat.support.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the defaults every service shares (graceful shutdown, actuator exposure, Kafka serialisation
 * and delivery settings) with the lowest precedence, so a service's own configuration and the
 * environment always win. {@code LOG_FORMAT=json} switches console logs to structured JSON (ECS).
 */
public class SupportDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String DEFAULTS = "portfoliochat-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("portfoliochatDefaults",
                    new ClassPathResource(DEFAULTS, SupportDefaultsEnvironmentPostProcessor.class.getClassLoader())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if ("json".equalsIgnoreCase(environment.getProperty("LOG_FORMAT", ""))) {
            environment.getPropertySources().addFirst(new MapPropertySource("portfoliochatJsonLogs",
                    Map.of("logging.structured.format.console", "ecs")));
        }
    }
}
