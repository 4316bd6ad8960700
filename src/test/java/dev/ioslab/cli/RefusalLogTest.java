package dev.ioslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ioslab.testing.CliTester;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A flood of refused connections gives one log line per interval, carrying the count of the others. */
class RefusalLogTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(RefusalLog.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final CliTester.MutableClock clock = CliTester.clockAt(CliTester.EPOCH);

    @BeforeEach
    void capture() {
        logger.setLevel(Level.INFO);
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
    }

    private List<String> lines() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void thousandRefusalsInOneSecondGiveOneLineThenOneSummary() {
        RefusalLog log = new RefusalLog("r1", clock, Duration.ofSeconds(1));
        InetSocketAddress from = new InetSocketAddress("127.0.0.2", 40000);
        for (int i = 0; i < 1000; i++) {
            log.refused("ssh", from, "no free vty line");
        }
        assertThat(lines()).containsExactly("r1: ssh connection from /127.0.0.2:40000 refused: no free vty line");
        clock.advance(Duration.ofSeconds(1));
        log.refused("telnet", from, "no free vty line");
        assertThat(lines()).hasSize(2);
        assertThat(lines().get(1)).isEqualTo("r1: telnet connection from /127.0.0.2:40000 refused: no free vty line"
                + " (999 more refused in the last 1 s)");
    }
}
