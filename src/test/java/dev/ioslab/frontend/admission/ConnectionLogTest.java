package dev.ioslab.frontend.admission;

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

/** Floods of refused and reset connections give one line per interval per kind, and the counts are not lost. */
class ConnectionLogTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(ConnectionLog.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final CliTester.MutableClock clock = CliTester.clockAt(CliTester.EPOCH);
    private final InetSocketAddress from = new InetSocketAddress("127.0.0.2", 40000);

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
    void tenThousandEventsOfTwoKindsGiveOneLineEachThenOneSummaryEach() {
        ConnectionLog log = new ConnectionLog(clock, Duration.ofSeconds(10));
        for (int i = 0; i < 10_000; i++) {
            log.record(ConnectionEvent.REFUSED_NOT_LOGGED_IN_FROM_ADDRESS, "SSH", from);
            log.record(ConnectionEvent.RESET, "SSH", from);
        }
        assertThat(lines()).containsExactly(
                "SSH connection from 127.0.0.2:40000 refused: too many connections not logged in yet from this address",
                "SSH connection from 127.0.0.2:40000 reset by the peer");
        log.flush();
        assertThat(lines()).as("nothing more before the interval has passed").hasSize(2);

        clock.advance(Duration.ofSeconds(10));
        log.flush();
        assertThat(lines()).hasSize(4).contains(
                "9999 more connections refused: too many connections not logged in yet from this address in the last "
                        + "10 s",
                "9999 more connections reset by the peer in the last 10 s");
        assertThat(log.total(ConnectionEvent.RESET)).isEqualTo(10_000);
        assertThat(log.total(ConnectionEvent.REFUSED_DESCRIPTOR_BUDGET)).isZero();
    }

    @Test
    void eventAfterTheIntervalCarriesTheCountAndShortageIsAWarning() {
        ConnectionLog log = new ConnectionLog(clock, Duration.ofSeconds(10));
        log.record(ConnectionEvent.REFUSED_DESCRIPTOR_BUDGET, "Telnet", from);
        log.record(ConnectionEvent.REFUSED_DESCRIPTOR_BUDGET, "Telnet", from);
        clock.advance(Duration.ofSeconds(11));
        log.record(ConnectionEvent.REFUSED_DESCRIPTOR_BUDGET, "Telnet", from);
        assertThat(lines()).containsExactly(
                "Telnet connection from 127.0.0.2:40000 refused: the descriptor budget for connections is used up",
                "Telnet connection from 127.0.0.2:40000 refused: the descriptor budget for connections is used up"
                        + " (1 more in the last 11 s)");
        assertThat(appender.list).allMatch(e -> e.getLevel() == Level.WARN);
        log.flush();
        assertThat(lines()).hasSize(2);
    }
}
