package io.portfoliochat.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/** Points a test class's context at real infrastructure of its own; see {@link ServiceIntegrationTest}. */
public class RealInfrastructureCustomizerFactory implements ContextCustomizerFactory {

    private static final String FLYWAY = "org.flywaydb.core.Flyway";
    private static final String KAFKA = "org.springframework.kafka.core.KafkaTemplate";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        return new RealInfrastructureCustomizer(testClass.getName());
    }

    /** One per test class (equality by class name), so every class gets its own database and topics. */
    static final class RealInfrastructureCustomizer implements ContextCustomizer {

        private final String testClassName;

        RealInfrastructureCustomizer(String testClassName) {
            this.testClassName = testClassName;
        }

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
            Map<String, Object> properties = new LinkedHashMap<>();
            if (ClassUtils.isPresent(KAFKA, context.getClassLoader()) && !setInline(configuration, "spring.kafka.bootstrap-servers")) {
                properties.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
            }
            properties.put("portfoliochat.kafka.topic-prefix", topicPrefixFor(testClassName));
            properties.put("portfoliochat.security.jwt.secret", TestAdminTokens.SECRET);
            if (ClassUtils.isPresent(FLYWAY, context.getClassLoader()) && !setInline(configuration, "spring.datasource.url")) {
                String simpleName = testClassName.substring(testClassName.lastIndexOf('.') + 1);
                TestDatabases.Database database = TestDatabases.create(simpleName);
                properties.put("spring.datasource.url", database.url());
                properties.put("spring.datasource.username", database.username());
                properties.put("spring.datasource.password", database.password());
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("realTestInfrastructure", properties));
        }

        /** A test may point at infrastructure of its own with {@code @ServiceIntegrationTest(properties = ...)}. */
        private static boolean setInline(MergedContextConfiguration configuration, String key) {
            for (String property : configuration.getPropertySourceProperties()) {
                if (property.startsWith(key + "=") || property.startsWith(key + ":")) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RealInfrastructureCustomizer that && testClassName.equals(that.testClassName);
        }

        @Override
        public int hashCode() {
            return Objects.hash(testClassName);
        }
    }

    /** A short prefix unique to the class and the run, e.g. {@code t3f9a1c2-}. */
    static String topicPrefixFor(String testClassName) {
        return "t" + Integer.toHexString((testClassName + ProcessHandle.current().pid() + System.nanoTime()).hashCode()) + "-";
    }
}
