package io.portfoliochat.ai.llm;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.portfoliochat.ai.AiProperties;
import io.portfoliochat.ai.analysis.Analysis;
import io.portfoliochat.ai.analysis.Act;
import io.portfoliochat.ai.context.ScoredFact;
import io.portfoliochat.ai.offline.OfflineResponder;
import io.portfoliochat.ai.offline.SmallTalk;
import io.portfoliochat.ai.respond.ReplyRequest;
import io.portfoliochat.ai.respond.ReplyStream;
import io.portfoliochat.ai.respond.Responder;
import io.portfoliochat.ai.respond.ResponderOutcome;
import io.portfoliochat.events.AiReplyMetadata;
import io.portfoliochat.events.ChatSettings;
import io.portfoliochat.events.HandOffReason;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.openai.OpenAiChatOptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answers through an OpenAI-compatible chat model (OpenAI, or Ollama/vLLM via the base URL) with
 * Spring AI's ChatClient, streaming the text to the visitor as it arrives. Model and temperature
 * come from the owner's live settings on every request. Each reply has a deadline, a first-token
 * timeout and bounded retries with exponential backoff (only while nothing has reached the
 * visitor yet), behind a circuit breaker; when all that fails the conversation is handed off.
 * Refusals, hand-offs and "not in the portfolio" are decided by the shared analysis, exactly as
 * offline, and the model's output is checked for leaked instructions before anyone sees it.
 */
public final class OpenAiResponder implements Responder {

    public static final String PROVIDER = "openai";
    private static final Logger log = LoggerFactory.getLogger(OpenAiResponder.class);
    private static final int HOLDBACK_CHARS = 80;
    private static final Duration CANCEL_POLL = Duration.ofMillis(100);

    private final ChatClient chatClient;
    private final OfflineResponder offline;
    private final AiProperties.OpenAi limits;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final String apiKey;

    /** @param apiKey the provider's key, never repeated in what is logged or published about a failure */
    public OpenAiResponder(ChatClient chatClient, OfflineResponder offline, AiProperties.OpenAi limits, String apiKey) {
        this.chatClient = chatClient;
        this.offline = offline;
        this.limits = limits;
        this.apiKey = apiKey;
        this.breaker = CircuitBreaker.of("openai", CircuitBreakerConfig.custom()
                .failureRateThreshold(limits.failureRateThreshold())
                .slidingWindowSize(limits.slidingWindow())
                .minimumNumberOfCalls(Math.min(limits.slidingWindow(), 5))
                .waitDurationInOpenState(limits.openCircuitFor())
                .ignoreExceptions(ReplyCancelled.class)
                .build());
        this.retry = Retry.of("openai", RetryConfig.custom()
                .maxAttempts(limits.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(limits.retryBackoff().toMillis(), 2.0))
                .retryOnException(e -> e instanceof ProviderCallFailed failed && failed.retryable())
                .build());
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    public CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    @Override
    public ResponderOutcome respond(ReplyRequest request, ReplyStream stream) {
        Analysis analysis = request.analysis();
        switch (analysis.verdict()) {
            case REFUSE_INJECTION, HAND_OFF_HUMAN, DECLINE_OFF_TOPIC:
                return offline.respond(request, stream);
            case HAND_OFF_UNKNOWN:
                if (limits.handOffWhenNothingMatches()) {
                    return offline.respond(request, stream);
                }
                break;
            default:
                break;
        }
        long started = System.nanoTime();
        long deadline = started + limits.timeout().toNanos();
        PromptBuilder.BuiltPrompt prompt = PromptBuilder.build(request);
        String model = model(request.settings());
        try {
            Generated generated = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker,
                    () -> streamOnce(prompt, request.settings(), model, stream, deadline))).get();
            long latencyMs = (System.nanoTime() - started) / 1_000_000;
            List<String> sources = analysis.matches().stream().limit(5).map(ScoredFact::fact).map(f -> f.id()).toList();
            if (generated.leaked()) {
                log.warn("Conversation {}: the model's answer repeated its instructions; replaced by a refusal",
                        request.conversationId());
                String owner = analysis.facts().ownerFirstName("the portfolio owner");
                return new ResponderOutcome.Answer(SmallTalk.reply(Act.INJECTION, analysis.language(), owner),
                        metadata(generated, model, latencyMs, List.of()));
            }
            return new ResponderOutcome.Answer(generated.text().trim(), metadata(generated, model, latencyMs, sources));
        } catch (ReplyCancelled cancelled) {
            return new ResponderOutcome.Abandoned("cancelled while the model was writing");
        } catch (CallNotPermittedException open) {
            return providerError(analysis, "the circuit breaker is open after repeated provider failures", started, model);
        } catch (ProviderCallFailed failed) {
            return providerError(analysis, failed.getMessage(), started, model);
        }
    }

    private Generated streamOnce(PromptBuilder.BuiltPrompt prompt, ChatSettings settings, String model, ReplyStream stream,
                                 long deadline) {
        long remainingNanos = deadline - System.nanoTime();
        if (remainingNanos <= 0) {
            throw new ProviderCallFailed("no time left for another attempt", null, false);
        }
        StringBuilder text = new StringBuilder();
        int[] forwarded = {0};
        boolean[] leaked = {false};
        AtomicReference<Usage> usage = new AtomicReference<>();
        AtomicReference<String> reportedModel = new AtomicReference<>();
        Flux<ChatResponse> responses = chatClient.prompt()
                .messages(prompt.messages())
                .options(options(settings, model))
                .stream()
                .chatResponse()
                .timeout(Mono.delay(limits.firstTokenTimeout()), item -> Mono.delay(limits.firstTokenTimeout()))
                .takeUntilOther(Flux.interval(CANCEL_POLL).filter(tick -> stream.cancelled()));
        try {
            responses.doOnNext(response -> {
                String delta = deltaOf(response);
                if (delta != null && !delta.isEmpty()) {
                    text.append(delta);
                    if (!leaked[0] && prompt.guard().leaks(text.toString())) {
                        leaked[0] = true;
                    }
                    if (!leaked[0] && text.length() - HOLDBACK_CHARS > forwarded[0]) {
                        stream.delta(text.substring(forwarded[0], text.length() - HOLDBACK_CHARS));
                        forwarded[0] = text.length() - HOLDBACK_CHARS;
                    }
                }
                if (response.getMetadata() != null) {
                    Usage reported = response.getMetadata().getUsage();
                    if (reported != null && reported.getTotalTokens() != null && reported.getTotalTokens() > 0) {
                        usage.set(reported);
                    }
                    if (response.getMetadata().getModel() != null && !response.getMetadata().getModel().isBlank()) {
                        reportedModel.set(response.getMetadata().getModel());
                    }
                }
            }).blockLast(Duration.ofNanos(remainingNanos));
        } catch (RuntimeException e) {
            if (stream.cancelled()) {
                throw new ReplyCancelled();
            }
            throw new ProviderCallFailed(describe(e), e, forwarded[0] == 0);
        }
        if (stream.cancelled()) {
            throw new ReplyCancelled();
        }
        if (text.toString().isBlank()) {
            throw new ProviderCallFailed("the model returned an empty answer", null, true);
        }
        boolean leakedAtEnd = leaked[0] || prompt.guard().leaks(text.toString());
        if (!leakedAtEnd && text.length() > forwarded[0]) {
            stream.delta(text.substring(forwarded[0]));
        }
        return new Generated(text.toString(), usage.get(), reportedModel.get(), leakedAtEnd);
    }

    private OpenAiChatOptions.Builder options(ChatSettings settings, String model) {
        OpenAiChatOptions.Builder options = OpenAiChatOptions.builder().model(model).streamUsage(true);
        if (reasoningModel(model)) {
            options.maxCompletionTokens(limits.maxTokens() * 4);
        } else {
            options.temperature(settings.aiTemperature());
            options.maxTokens(limits.maxTokens());
        }
        return options;
    }

    static String model(ChatSettings settings) {
        return settings.aiModel() == null || settings.aiModel().isBlank() ? ChatSettings.DEFAULT_MODEL : settings.aiModel().trim();
    }

    /** GPT-5 and the o-series reject a temperature and take max_completion_tokens. */
    static boolean reasoningModel(String model) {
        String name = model.toLowerCase(Locale.ROOT);
        return name.startsWith("gpt-5") || name.matches("^o\\d.*");
    }

    private static String deltaOf(ChatResponse response) {
        if (response == null || response.getResult() == null || response.getResult().getOutput() == null) {
            return null;
        }
        return response.getResult().getOutput().getText();
    }

    private ResponderOutcome providerError(Analysis analysis, String why, long started, String model) {
        log.warn("OpenAI provider failed ({}); handing off", why);
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        return new ResponderOutcome.HandOff(HandOffReason.PROVIDER_ERROR, "The AI provider failed: " + why,
                analysis.language(), new AiReplyMetadata(PROVIDER, model, null, null, null, latencyMs, List.of()));
    }

    private static AiReplyMetadata metadata(Generated generated, String model, long latencyMs, List<String> sources) {
        Usage usage = generated.usage();
        return new AiReplyMetadata(PROVIDER, generated.model() == null ? model : generated.model(),
                usage == null ? null : usage.getPromptTokens(),
                usage == null ? null : usage.getCompletionTokens(),
                usage == null ? null : usage.getTotalTokens(),
                latencyMs, sources);
    }

    /**
     * The root cause, short. Providers' error messages go to the log and to the owner's hand-off alert,
     * and some OpenAI-compatible servers quote the API key they were sent in them: it is cut out.
     */
    private String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        if (apiKey != null && !apiKey.isBlank()) {
            message = message.replace(apiKey, "[API key]");
        }
        return root.getClass().getSimpleName() + (message.length() > 200 ? message.substring(0, 200) : message);
    }

    private record Generated(String text, Usage usage, String model, boolean leaked) {
    }

    /** One attempt failed; retryable while nothing of it reached the visitor. */
    static final class ProviderCallFailed extends RuntimeException {
        private final boolean retryable;

        ProviderCallFailed(String message, Throwable cause, boolean retryable) {
            super(message, cause);
            this.retryable = retryable;
        }

        boolean retryable() {
            return retryable;
        }
    }

    /** The reply stopped being wanted while the model was writing; not a provider failure. */
    static final class ReplyCancelled extends RuntimeException {
        ReplyCancelled() {
            super("reply cancelled", null, false, false);
        }
    }
}
