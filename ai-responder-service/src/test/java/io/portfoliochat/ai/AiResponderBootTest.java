package io.portfoliochat.ai;

import io.portfoliochat.testsupport.ServiceBootContract;
import io.portfoliochat.testsupport.ServiceIntegrationTest;

@ServiceIntegrationTest
class AiResponderBootTest extends ServiceBootContract {
}
