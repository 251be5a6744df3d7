package io.portfoliochat.gateway;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The log events of one logger (and its children) from now on, at INFO and above whatever the
 * logging configuration on the test classpath says, with their MDC. Start recording after every
 * application context of the test is up: starting one re-initialises logging.
 */
public final class RecordedLogs implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level previousLevel;

    private RecordedLogs(String loggerName) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        this.logger = context.getLogger(loggerName);
        this.previousLevel = logger.getLevel();
        logger.setLevel(Level.INFO);
        appender.setContext(context);
        appender.start();
        logger.addAppender(appender);
    }

    public static RecordedLogs of(String loggerName) {
        return new RecordedLogs(loggerName);
    }

    public static RecordedLogs of(Class<?> type) {
        return of(type.getName());
    }

    /** Formatted messages with the correlation id they were logged under: {@code [id] message}. */
    public List<String> lines() {
        return List.copyOf(appender.list).stream()
                .map(event -> "[" + event.getMDCPropertyMap().getOrDefault("correlationId", "") + "] "
                        + event.getFormattedMessage())
                .toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
        logger.setLevel(previousLevel);
    }
}
