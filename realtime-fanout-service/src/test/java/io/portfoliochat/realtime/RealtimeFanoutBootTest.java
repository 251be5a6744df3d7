package io.portfoliochat.realtime;

import io.portfoliochat.testsupport.ServiceBootContract;
import io.portfoliochat.testsupport.ServiceIntegrationTest;

@ServiceIntegrationTest
class RealtimeFanoutBootTest extends ServiceBootContract {
}
