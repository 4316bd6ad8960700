package dev.ioslab.image.tool;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tools print their own results; the daemon's INFO lines (pool started, keys created) would only repeat them, so
 * a tool shows ioslab's warnings and errors only.
 */
final class ToolLogging {

    private ToolLogging() {
    }

    static void warningsOnly() {
        if (LoggerFactory.getLogger("dev.ioslab") instanceof Logger logger) {
            logger.setLevel(Level.WARN);
        }
    }
}
