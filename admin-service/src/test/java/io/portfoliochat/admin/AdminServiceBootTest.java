package io.portfoliochat.admin;

import io.portfoliochat.testsupport.ServiceBootContract;
import io.portfoliochat.testsupport.ServiceIntegrationTest;

@ServiceIntegrationTest
class AdminServiceBootTest extends ServiceBootContract {
}
