package io.portfoliochat.realtime.testing;

import io.portfoliochat.realtime.RealtimeFanoutApplication;
import io.portfoliochat.testsupport.TestAdminTokens;
import io.portfoliochat.testsupport.TestKafka;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One more running instance of this service in the test JVM, on a random port and the tests' Kafka broker:
 * a peer for scale-out tests, or the Pusher-compatible server a Pusher-mode instance publishes to.
 */
public final class AnotherInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private AnotherInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** @param topicPrefix the same as another instance's to share its topics, or a fresh one */
    public static AnotherInstance start(String topicPrefix, Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("server.port", 0);
        all.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        all.put("portfoliochat.kafka.topic-prefix", topicPrefix);
        all.put("portfoliochat.security.jwt.secret", TestAdminTokens.SECRET);
        all.putAll(properties);
        // As arguments: they must win over the services' shared defaults, which default properties would not.
        String[] arguments = all.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(RealtimeFanoutApplication.class)
                .profiles("test").run(arguments);
        return new AnotherInstance(context);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
