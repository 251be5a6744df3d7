package io.portfoliochat.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.gateway.DownstreamServices;
import io.portfoliochat.gateway.GatewayApplication;
import io.portfoliochat.gateway.GatewayWithStubbedServices;
import io.portfoliochat.gateway.RecordedLogs;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestAdminTokens;
import io.portfoliochat.testsupport.TestHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two gateway instances on the real local Redis share each visitor's count; a third whose Redis is
 * unreachable keeps serving and limiting on its own.
 */
@ServiceIntegrationTest(properties = "portfoliochat.gateway.rate-limit.store=redis")
class SharedRedisRateLimitTest extends GatewayWithStubbedServices {

    static final String KEY_PREFIX = "test:gateway:" + UUID.randomUUID() + ":";
    static final List<ConfigurableApplicationContext> otherInstances = new ArrayList<>();

    @Autowired
    ReactiveStringRedisTemplate redis;

    @DynamicPropertySource
    static void keyPrefixOfThisTest(DynamicPropertyRegistry registry) {
        registry.add("portfoliochat.gateway.rate-limit.key-prefix", () -> KEY_PREFIX);
    }

    @AfterAll
    static void stopOtherInstances() {
        otherInstances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void twoGatewayInstancesOnOneRedisShareTheCountOfEachVisitor() {
        TestHttp first = gateway();
        TestHttp second = DownstreamServices.gateway(startAnotherInstance(6379));
        String token = UUID.randomUUID().toString();
        try {
            for (int i = 1; i <= 10; i++) {
                TestHttp instance = i % 2 == 0 ? first : second;
                assertThat(send(instance, token).status()).as("message " + i).isEqualTo(200);
            }

            TestHttp.Response eleventhViaFirst = send(first, token);
            TestHttp.Response eleventhViaSecond = send(second, token);

            assertThat(eleventhViaFirst.status()).isEqualTo(429);
            assertThat(eleventhViaFirst.header("Retry-After")).isPresent();
            assertThat(eleventhViaSecond.status()).isEqualTo(429);
            assertThat(eleventhViaSecond.error()).startsWith("Too many messages: at most 10 per minute.");
            assertThat(services.received(DownstreamServices.CHAT)).hasSize(10);
            assertThat(send(second, UUID.randomUUID().toString()).status()).as("another visitor").isEqualTo(200);
        } finally {
            deleteKeys();
        }
    }

    @Test
    void redisKeysCarryADigestOfTheSessionTokenNeverTheTokenItself() {
        String token = UUID.randomUUID().toString();
        try {
            send(gateway(), token);

            List<String> keys = redis.keys(KEY_PREFIX + "*").collectList().block(Duration.ofSeconds(10));
            assertThat(keys).hasSize(1);
            assertThat(keys.get(0)).startsWith(KEY_PREFIX + "messages:session:").doesNotContain(token);
        } finally {
            deleteKeys();
        }
    }

    @Test
    void anInstanceWhoseRedisIsDownKeepsServingAndLimitsInItsOwnMemory() {
        TestHttp withoutRedis = DownstreamServices.gateway(startAnotherInstance(DownstreamServices.unusedPort()));
        String token = UUID.randomUUID().toString();
        try (RecordedLogs logs = RecordedLogs.of(RedisLimiterWithLocalFallback.class)) {
            for (int i = 1; i <= 10; i++) {
                assertThat(send(withoutRedis, token).status()).as("message " + i).isEqualTo(200);
            }
            assertThat(send(withoutRedis, token).status()).isEqualTo(429);

            assertThat(logs.lines()).as("the switch to memory is logged once").singleElement().satisfies(line ->
                    assertThat(line).contains("Redis is unavailable for rate limiting"));
        }
    }

    private static TestHttp.Response send(TestHttp gateway, String token) {
        return gateway.postJson("/api/chat/send", "{\"content\":\"Halo\"}", "X-Session-Token", token);
    }

    private int startAnotherInstance(int redisPort) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--portfoliochat.security.jwt.secret=" + TestAdminTokens.SECRET,
                "--portfoliochat.gateway.rate-limit.store=redis",
                "--portfoliochat.gateway.rate-limit.key-prefix=" + KEY_PREFIX,
                "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=" + redisPort));
        arguments.addAll(services.asCommandLineArguments());
        ConfigurableApplicationContext instance = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("test")
                .run(arguments.toArray(String[]::new));
        otherInstances.add(instance);
        return Integer.parseInt(instance.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private void deleteKeys() {
        redis.keys(KEY_PREFIX + "*").flatMap(redis::delete).blockLast(Duration.ofSeconds(10));
    }
}
