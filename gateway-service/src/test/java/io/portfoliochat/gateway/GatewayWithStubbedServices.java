package io.portfoliochat.gateway;

import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole gateway on a random port in front of the four services, stubbed at the HTTP level by
 * {@link DownstreamServices} (shared by the test classes of the JVM, reset before every test).
 */
@ServiceIntegrationTest
public abstract class GatewayWithStubbedServices {

    protected static final DownstreamServices services = DownstreamServices.shared();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void stubbedServices(DynamicPropertyRegistry registry) {
        services.register(registry);
    }

    @BeforeEach
    void forgetEarlierRequests() {
        services.reset();
    }

    /** The gateway, reached on the IPv4 loopback so the caller's address is 127.0.0.1. */
    protected TestHttp gateway() {
        return DownstreamServices.gateway(port);
    }
}
