package io.portfoliochat.ai.llm;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the provider before beans exist: {@code portfoliochat.ai.provider} if set, else openai
 * when an API key is present ({@code OPENAI_API_KEY} or {@code spring.ai.openai.api-key}), else
 * offline. Choosing openai switches Spring AI's OpenAI chat model on (application.yml keeps it off),
 * maps {@code OPENAI_BASE_URL} to the base URL (Ollama, vLLM...), pins the model default to the
 * seed's gpt-4o-mini and leaves retries to the responder.
 */
public class ProviderEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PROVIDER = "portfoliochat.ai.provider";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String key = firstNonBlank(environment.getProperty("spring.ai.openai.api-key"), environment.getProperty("OPENAI_API_KEY"));
        String provider = environment.getProperty(PROVIDER);
        if (provider == null || provider.isBlank()) {
            provider = key != null ? "openai" : "offline";
        }
        provider = provider.trim().toLowerCase(Locale.ROOT);
        Map<String, Object> chosen = new HashMap<>();
        chosen.put(PROVIDER, provider);
        if ("openai".equals(provider)) {
            chosen.put("spring.ai.model.chat", "openai");
            if (key != null && environment.getProperty("spring.ai.openai.api-key") == null) {
                chosen.put("spring.ai.openai.api-key", key);
            }
            String baseUrl = environment.getProperty("OPENAI_BASE_URL");
            if (baseUrl != null && !baseUrl.isBlank() && environment.getProperty("spring.ai.openai.base-url") == null) {
                chosen.put("spring.ai.openai.base-url", baseUrl);
            }
            if (environment.getProperty("spring.ai.openai.chat.model") == null) {
                chosen.put("spring.ai.openai.chat.model", "gpt-4o-mini");
            }
            if (environment.getProperty("spring.ai.openai.max-retries") == null
                    && environment.getProperty("spring.ai.openai.chat.max-retries") == null) {
                chosen.put("spring.ai.openai.chat.max-retries", "0");
            }
        }
        environment.getPropertySources().addFirst(new MapPropertySource("portfoliochatAiProvider", chosen));
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
