package io.portfoliochat.realtime.testing;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the test classes whose service asks chat-service about visitor sessions: points the service at
 * one WireMock stub of chat-service shared by the test JVM (tokens are random, so tests do not collide).
 */
public abstract class StubbedChatService {

    protected static final ChatServiceStub chatService = ChatServiceStub.shared();

    @DynamicPropertySource
    static void chatServiceUrl(DynamicPropertyRegistry registry) {
        registry.add("portfoliochat.realtime.chat-service.url", chatService::url);
    }
}
