package io.portfoliochat.ai.llm;

import io.portfoliochat.testsupport.ServiceIntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The service on real Kafka with the OpenAI provider selected and tight limits, for tests against a stubbed API. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ServiceIntegrationTest(properties = {
        "portfoliochat.ai.provider=openai",
        "spring.ai.openai.api-key=test-key",
        "portfoliochat.ai.burst-window=50ms",
        "portfoliochat.ai.chunk-interval=50ms",
        "portfoliochat.ai.openai.first-token-timeout=3s",
        "portfoliochat.ai.openai.max-attempts=2",
        "portfoliochat.ai.openai.retry-backoff=50ms",
        "portfoliochat.ai.openai.failure-rate-threshold=100",
        "portfoliochat.ai.chat-service-url=http://127.0.0.1:9"})
@interface ServiceIntegrationTestWithOpenAi {
}
