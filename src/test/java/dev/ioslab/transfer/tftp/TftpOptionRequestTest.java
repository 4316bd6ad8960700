package dev.ioslab.transfer.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TftpOptionRequestTest {

    private final TftpOptionRequest read = new TftpOptionRequest(1468, 8, OptionalInt.of(5), OptionalLong.of(0));

    @Test
    void sendsOnlyWhatDiffersFromRfc1350() {
        assertThat(new TftpOptionRequest(512, 1, OptionalInt.empty(), OptionalLong.empty()).toWire()).isEmpty();
        assertThat(read.toWire()).containsExactly(Map.entry("blksize", "1468"), Map.entry("tsize", "0"),
                Map.entry("timeout", "5"), Map.entry("windowsize", "8"));
    }

    @Test
    void acceptsSmallerValuesAndFallsBackForOptionsLeftOut() {
        TftpNegotiation negotiation = read.check(Map.of("blksize", "1024", "tsize", "99"));
        assertThat(negotiation).isEqualTo(new TftpNegotiation.Granted(1024, 1, OptionalLong.of(99)));
        assertThat(read.check(Map.of("windowsize", "4"))).isEqualTo(
                new TftpNegotiation.Granted(512, 4, OptionalLong.empty()));
    }

    @Test
    void refusesWhatWasNeverAskedOrIsAboveTheAsk() {
        assertThat(read.check(Map.of("multicast", "1"))).isInstanceOf(TftpNegotiation.Refused.class);
        assertThat(read.check(Map.of("blksize", "1469"))).isInstanceOf(TftpNegotiation.Refused.class);
        assertThat(read.check(Map.of("blksize", "7"))).isInstanceOf(TftpNegotiation.Refused.class);
        assertThat(read.check(Map.of("windowsize", "9"))).isInstanceOf(TftpNegotiation.Refused.class);
        assertThat(read.check(Map.of("timeout", "6"))).isInstanceOf(TftpNegotiation.Refused.class);
        assertThat(read.check(Map.of("tsize", "-1"))).isInstanceOf(TftpNegotiation.Refused.class);
        assertThat(new TftpOptionRequest(512, 1, OptionalInt.empty(), OptionalLong.of(100))
                .check(Map.of("tsize", "101"))).isInstanceOf(TftpNegotiation.Refused.class);
    }

    @Test
    void timeoutOptionIsWholeSecondsRoundedUpWithinRfc2349() {
        assertThat(TftpClient.timeoutOption(Duration.ofMillis(200))).isEmpty();
        assertThat(TftpClient.timeoutOption(Duration.ofMillis(1500))).hasValue(2);
        assertThat(TftpClient.timeoutOption(Duration.ofSeconds(30))).hasValue(30);
        assertThat(TftpClient.timeoutOption(Duration.ofHours(1))).hasValue(255);
    }
}
