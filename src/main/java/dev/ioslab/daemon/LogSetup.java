package dev.ioslab.daemon;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.LoggerFactory;

/** Points Logback at the configured file, when it exists; otherwise Logback's defaults stay. */
final class LogSetup {

    private LogSetup() {
    }

    static void apply(Path logConfig) {
        if (!Files.isRegularFile(logConfig) || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return;
        }
        ctx.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(ctx);
        try {
            configurator.doConfigure(logConfig.toFile());
        } catch (JoranException e) {
            LoggerFactory.getLogger(LogSetup.class).warn("cannot read {}: {}", logConfig, e.getMessage());
        }
    }
}
