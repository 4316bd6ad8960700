package dev.ioslab.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What one class logs while a test runs, at {@code level} and above whatever the log configuration says; closing it
 * gives the logger back its own level. Events are kept as logged, in order.
 */
public final class LogLines implements AutoCloseable {

    private final Logger logger;
    private final Level before;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogLines(Class<?> type, Level level) {
        logger = (Logger) LoggerFactory.getLogger(type);
        before = logger.getLevel();
        appender.start();
        logger.setLevel(level);
        logger.addAppender(appender);
    }

    /** Starts capturing what {@code type} logs at {@code level} and above. */
    public static LogLines of(Class<?> type, Level level) {
        return new LogLines(type, level);
    }

    /** The events so far. */
    public List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    /** The formatted messages so far. */
    public List<String> messages() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** Waits, at most {@code millis}, until {@code count} events are in; returns the messages then. */
    public List<String> awaitMessages(int count, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (events().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return messages();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(before);
    }
}
