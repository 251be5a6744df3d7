package io.portfoliochat.ai.respond;

import io.portfoliochat.ai.AiProperties;
import io.portfoliochat.ai.analysis.QuestionAnalyzer;
import io.portfoliochat.ai.history.AnsweredMessages;
import io.portfoliochat.ai.history.ConversationHistory;
import io.portfoliochat.ai.history.RecentMessagesClient;
import io.portfoliochat.ai.state.AiState;
import io.portfoliochat.events.EventCodec;
import io.portfoliochat.support.kafka.CompactedTopicView;
import io.portfoliochat.support.kafka.EventPublisher;
import io.portfoliochat.support.kafka.TopicNames;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** The reply machinery: memory, lanes per conversation, the pipeline and the Kafka listener. */
@Configuration(proxyBeanMethods = false)
class RespondConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ConversationHistory conversationHistory(AiProperties properties) {
        return new ConversationHistory(properties.historySize(), properties.maxConversations());
    }

    @Bean
    AnsweredMessages answeredMessages(AiProperties properties) {
        return new AnsweredMessages(properties.maxConversations() * 4);
    }

    @Bean
    RecentMessagesClient recentMessagesClient(AiProperties properties, EventCodec codec) {
        return new RecentMessagesClient(properties.chatServiceUrl(), properties.chatServiceTimeout(), codec);
    }

    @Bean
    QuestionAnalyzer questionAnalyzer(AiProperties properties) {
        return new QuestionAnalyzer(properties.defaultLanguage());
    }

    @Bean
    ConversationEventsOut conversationEventsOut(EventPublisher publisher, TopicNames topics) {
        return new ConversationEventsOut(publisher, topics);
    }

    @Bean
    ReplyPipeline replyPipeline(AiState state, ConversationHistory history, AnsweredMessages answered,
                                RecentMessagesClient chatService, QuestionAnalyzer analyzer, Responder responder,
                                ConversationEventsOut out, AiProperties properties, Clock clock, MeterRegistry meters) {
        return new ReplyPipeline(state, history, answered, chatService, analyzer, responder, out, properties, clock, meters);
    }

    @Bean
    ConversationLanes conversationLanes(AiProperties properties, ReplyPipeline pipeline) {
        return new ConversationLanes(properties.workers(), properties.maxPendingMessages(), properties.burstWindow(),
                pipeline::answerAutomatically);
    }

    @Bean
    ConversationEventsListener conversationEventsListener(EventCodec codec, AiState state, ConversationHistory history,
                                                          AnsweredMessages answered, ConversationLanes lanes) {
        return new ConversationEventsListener(codec, state, history, answered, lanes);
    }

    @Bean
    OnDemandReplies onDemandReplies(ConversationHistory history, RecentMessagesClient chatService, ReplyPipeline pipeline,
                                    ConversationLanes lanes, AiProperties properties) {
        return new OnDemandReplies(history, chatService, pipeline, lanes, properties);
    }

    @Bean
    ListenerStarter listenerStarter(KafkaListenerEndpointRegistry registry, List<CompactedTopicView> views) {
        return new ListenerStarter(registry, views);
    }
}
