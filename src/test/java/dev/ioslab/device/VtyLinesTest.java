package dev.ioslab.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The vty line table: lowest free line allowing the protocol, a claim taken over at login, a full table refuses. */
class VtyLinesTest {

    private final RunningConfig config = new RunningConfig("R1", java.util.List.of());
    private final VtyLines lines = new VtyLines(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), config::vtyCount,
            config::vtySettings);

    private static InetSocketAddress peer(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }

    @Test
    void sixthClaimIsRefusedWithFiveLines() {
        for (int i = 0; i < 5; i++) {
            assertThat(lines.claim("ssh", peer(1000 + i), LineTerminal.NONE)).get()
                    .extracting(ActiveLine::vty).isEqualTo(i);
        }
        assertThat(lines.claim("ssh", peer(2000), LineTerminal.NONE)).isEmpty();
        assertThat(lines.claim("telnet", peer(2001), LineTerminal.NONE)).isEmpty();
    }

    @Test
    void aReleasedLineIsTheNextOneTaken() {
        ActiveLine second = null;
        for (int i = 0; i < 5; i++) {
            ActiveLine l = lines.claim("telnet", peer(1000 + i), LineTerminal.NONE).orElseThrow();
            if (i == 2) {
                second = l;
            }
        }
        lines.release(second);
        lines.release(second);
        assertThat(lines.claim("telnet", peer(3000), LineTerminal.NONE).map(ActiveLine::vty)).contains(2);
    }

    @Test
    void aClaimSkipsLinesWhoseTransportInputRefusesTheProtocol() {
        config.vty(0).setTransportInput("ssh");
        config.vty(1).setTransportInput("none");
        assertThat(lines.claim("telnet", peer(1), LineTerminal.NONE).map(ActiveLine::vty)).contains(2);
        assertThat(lines.claim("ssh", peer(2), LineTerminal.NONE).map(ActiveLine::vty)).contains(0);
    }

    @Test
    void configuringVty5To15AddsLines() {
        config.vty(15);
        for (int i = 0; i < 16; i++) {
            assertThat(lines.claim("ssh", peer(1000 + i), LineTerminal.NONE)).isPresent();
        }
        assertThat(lines.claim("ssh", peer(2000), LineTerminal.NONE)).isEmpty();
    }

    @Test
    void theSessionAfterLoginTakesOverItsConnectionsClaim() {
        lines.claim("ssh", peer(1), LineTerminal.NONE);
        ActiveLine claimed = lines.claim("ssh", peer(2), LineTerminal.NONE).orElseThrow();
        assertThat(claimed.loggedIn()).isFalse();
        assertThat(claimed.user()).isEmpty();
        ActiveLine session = lines.occupy("admin", peer(2), LineTerminal.NONE);
        assertThat(session).isSameAs(claimed);
        assertThat(session.user()).isEqualTo("admin");
        assertThat(session.loggedIn()).isTrue();
        assertThat(lines.active()).hasSize(2);
        assertThat(lines.uses(1)).isEqualTo(1);
        Optional<ActiveLine> found = lines.find(1);
        assertThat(found).containsSame(claimed);
    }
}
