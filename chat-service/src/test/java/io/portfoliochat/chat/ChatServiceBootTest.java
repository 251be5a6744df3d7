package io.portfoliochat.chat;

import io.portfoliochat.testsupport.ServiceBootContract;
import io.portfoliochat.testsupport.ServiceIntegrationTest;

@ServiceIntegrationTest
class ChatServiceBootTest extends ServiceBootContract {
}
