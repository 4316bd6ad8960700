package dev.ioslab.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code access-class N in} on vty lines with standard access lists: a source takes the lowest free line whose list
 * permits it; a source no free line admits is refused; an undefined list admits everyone.
 */
class AccessClassTest {

    private final RunningConfig config = new RunningConfig("R1", List.of());
    private final VtyLines lines = new VtyLines(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), config::vtyCount,
            config::vtySettings, () -> DeviceEvents.NONE, config::accessLists);

    private static InetSocketAddress from(String address) {
        return new InetSocketAddress(address, 40000);
    }

    private void restrictVty0To4(int list) {
        for (int n = 0; n < 5; n++) {
            config.vty(n).setAccessClassIn(list);
        }
    }

    @Test
    void aDeniedSourceIsRefusedAndAPermittedOneAdmitted() {
        config.accessLists().add(10, AccessListEntry.of(true, AccessListEntry.parse("10.1.1.0"),
                AccessListEntry.parse("0.0.0.255")));
        restrictVty0To4(10);
        assertThat(lines.claim("telnet", from("10.1.2.1"), LineTerminal.NONE)).isEmpty();
        assertThat(lines.whyRefused("telnet", from("10.1.2.1"))).isEqualTo("the lines' access-class denies the source");
        assertThat(lines.claim("ssh", from("10.1.1.77"), LineTerminal.NONE)).get()
                .extracting(ActiveLine::vty).isEqualTo(0);
    }

    @Test
    void aRefusalNamesItsCause() {
        for (int n = 0; n < 5; n++) {
            config.vty(n).setTransportInput("ssh");
        }
        assertThat(lines.claim("telnet", from("10.1.2.1"), LineTerminal.NONE)).isEmpty();
        assertThat(lines.whyRefused("telnet", from("10.1.2.1"))).isEqualTo("no line's transport input allows telnet");
        for (int n = 0; n < 5; n++) {
            assertThat(lines.claim("ssh", from("10.1.2.1"), LineTerminal.NONE)).isPresent();
        }
        assertThat(lines.claim("ssh", from("10.1.2.1"), LineTerminal.NONE)).isEmpty();
        assertThat(lines.whyRefused("ssh", from("10.1.2.1"))).isEqualTo("no free vty line");
    }

    @Test
    void firstMatchDecidesAndNoMatchIsDenied() {
        AccessLists acl = config.accessLists();
        acl.add(5, AccessListEntry.of(false, AccessListEntry.parse("192.0.2.7"), 0));
        acl.add(5, AccessListEntry.of(true, AccessListEntry.parse("192.0.2.0"), AccessListEntry.parse("0.0.0.255")));
        assertThat(acl.permits(5, from("192.0.2.7").getAddress())).isFalse();
        assertThat(acl.permits(5, from("192.0.2.8").getAddress())).isTrue();
        assertThat(acl.permits(5, from("198.51.100.1").getAddress())).isFalse();
        assertThat(acl.permits(6, from("198.51.100.1").getAddress())).as("undefined list").isTrue();
    }

    @Test
    void aSourceDeniedOnVty0To4TakesAnUnrestrictedVty5() {
        config.accessLists().add(10, AccessListEntry.of(true, AccessListEntry.parse("10.1.1.1"), 0));
        config.vty(15);
        restrictVty0To4(10);
        assertThat(lines.claim("telnet", from("10.9.9.9"), LineTerminal.NONE)).get()
                .extracting(ActiveLine::vty).isEqualTo(5);
    }
}
