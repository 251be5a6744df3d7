package io.portfoliochat.ai.llm;

import io.portfoliochat.ai.AiProperties;
import io.portfoliochat.ai.offline.OfflineResponder;
import io.portfoliochat.ai.respond.Responder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The responder of this deployment: offline by default, an OpenAI-compatible model when configured. */
@Configuration(proxyBeanMethods = false)
class ResponderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ResponderConfiguration.class);

    @Bean
    Responder responder(AiProperties properties, ObjectProvider<ChatClient.Builder> chatClients,
                        @Value("${spring.ai.openai.api-key:}") String apiKey) {
        OfflineResponder offline = new OfflineResponder();
        if (!properties.openAiSelected()) {
            log.info("AI provider: offline retrieval responder ({})", OfflineResponder.MODEL);
            return offline;
        }
        ChatClient.Builder builder = chatClients.getIfAvailable();
        if (builder == null) {
            throw new IllegalStateException("portfoliochat.ai.provider=openai, but Spring AI has no OpenAI chat model: set "
                    + "OPENAI_API_KEY (and OPENAI_BASE_URL for an OpenAI-compatible server), or use provider=offline");
        }
        log.info("AI provider: OpenAI-compatible chat model through Spring AI");
        return new OpenAiResponder(builder.build(), offline, properties.openai(), apiKey);
    }
}
