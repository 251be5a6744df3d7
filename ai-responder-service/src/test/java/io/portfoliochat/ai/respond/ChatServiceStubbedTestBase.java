package io.portfoliochat.ai.respond;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.portfoliochat.ai.AiServiceTestBase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service with chat-service's internal HTTP API stubbed (WireMock), one stub server per test
 * JVM; tests stub per conversation id, so classes never see each other's stubs.
 */
abstract class ChatServiceStubbedTestBase extends AiServiceTestBase {

    static final WireMockServer chatService = new WireMockServer(options().dynamicPort());

    static {
        chatService.start();
        Runtime.getRuntime().addShutdownHook(new Thread(chatService::stop, "chat-service-stub-stop"));
    }

    @DynamicPropertySource
    static void chatServiceUrl(DynamicPropertyRegistry registry) {
        registry.add("portfoliochat.ai.chat-service-url", chatService::baseUrl);
    }
}
