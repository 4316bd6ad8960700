package dev.ioslab.imageserver.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small records the daemon builds from its configuration, and what they refuse. */
class ServerSettingsTest {

    @Test
    void readsPassivePortRanges() {
        assertThat(PassivePortRange.parse("50000-50100")).isEqualTo(new PassivePortRange(50000, 50100));
        assertThat(PassivePortRange.parse(" 50000 - 50000 ").size()).isEqualTo(1);
        assertThat(PassivePortRange.parse("50000")).isEqualTo(new PassivePortRange(50000, 50000));
        assertThat(PassivePortRange.parse("0")).isEqualTo(PassivePortRange.ANY);
        assertThat(PassivePortRange.parse("50000-50100").minaNotation()).isEqualTo("50000-50100");
        assertThat(PassivePortRange.ANY.minaNotation()).isEqualTo("0");
    }

    @Test
    void refusesPassivePortRangesThatAreNotOne() {
        for (String bad : List.of("50100-50000", "80-90", "50000-70000", "a-b", "", "-")) {
            assertThatThrownBy(() -> PassivePortRange.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("passive ports");
        }
    }

    @Test
    void anUploadUserNeedsANameAndAPasswordOfItsOwn() {
        assertThat(new UploadUser("device", "s3cret")).hasToString("UploadUser[name=device, password=*]");
        assertThatThrownBy(() -> new UploadUser("anonymous", "x")).hasMessageContaining("read-only");
        assertThatThrownBy(() -> new UploadUser("Anonymous", "x")).hasMessageContaining("read-only");
        assertThatThrownBy(() -> new UploadUser("device", "")).hasMessageContaining("non-empty password");
        assertThatThrownBy(() -> new UploadUser("admin", "admin")).hasMessageContaining("own name");
        assertThatThrownBy(() -> new UploadUser("two words", "x")).hasMessageContaining("blanks");
        assertThatThrownBy(() -> new UploadUser("device", "a\r\nb")).hasMessageContaining("CR")
                .hasMessageNotContaining("a\r\nb");
    }

    @Test
    void refusesTwoUploadUsersWithOneName() {
        List<UploadUser> twice = List.of(new UploadUser("device", "one"), new UploadUser("device", "two"));
        assertThatThrownBy(() -> new FtpImageServer(new InetSocketAddress(ImageRequests.LOOPBACK, 0), Path.of("x"),
                twice, PassivePortRange.ANY)).hasMessageContaining("device").hasMessageContaining("twice");
    }

    @Test
    void limitsAreBoundedAndConsistent() {
        FtpServerLimits defaults = FtpServerLimits.defaults();
        assertThat(defaults.maxLogins()).isLessThanOrEqualTo(defaults.maxConnections());
        assertThatThrownBy(() -> defaults.withCaps(10, 11, 5)).hasMessageContaining("maxLogins");
        assertThatThrownBy(() -> defaults.withCaps(10, 5, 6)).hasMessageContaining("maxAnonymousLogins");
        assertThatThrownBy(() -> defaults.withIdleTimeout(Duration.ofMillis(500))).hasMessageContaining("idleTimeout");
        assertThatThrownBy(() -> new FtpServerLimits(10, 5, 5, 3, Duration.ofMillis(500), Duration.ofSeconds(5), 1))
                .hasMessageContaining("workerThreads");
    }
}
