package dev.ioslab.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The shipped {@code conf/logback.xml} is valid Logback configuration with the levels the daemon relies on. */
class ShippedLogbackConfigTest {

    @Test
    void shippedLogbackConfigLogsIoslabAtInfoAndLibrariesAtWarn() throws JoranException {
        // A private context, so configuring it does not touch the logging of the test run itself.
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);

        configurator.doConfigure(Path.of("conf", "logback.xml").toFile());

        assertThat(context.getStatusManager().getCopyOfStatusList())
                .noneMatch(status -> status.getLevel() >= Status.WARN);
        assertThat(context.getLogger("dev.ioslab").getLevel()).isEqualTo(Level.INFO);
        for (String library : new String[] {"org.apache.sshd", "io.netty", "org.apache.ftpserver", "org.apache.mina"}) {
            assertThat(context.getLogger(library).getLevel()).as(library).isEqualTo(Level.WARN);
        }
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE")).isNotNull();
        context.stop();
    }
}
