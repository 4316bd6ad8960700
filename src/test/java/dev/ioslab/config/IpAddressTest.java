package dev.ioslab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class IpAddressTest {

    @Test
    void parsesAndPrintsIpv4() {
        assertThat(IpAddress.parse("127.0.0.1")).hasToString("127.0.0.1");
        assertThat(IpAddress.parse("255.255.255.255")).hasToString("255.255.255.255");
    }

    @Test
    void printsIpv6InRfc5952Form() {
        assertThat(IpAddress.parse("0:0:0:0:0:0:0:1")).hasToString("::1");
        assertThat(IpAddress.parse("2001:DB8:0:0:1:0:0:1")).hasToString("2001:db8::1:0:0:1");
        assertThat(IpAddress.parse("2001:db8:0:1:1:1:1:1")).hasToString("2001:db8:0:1:1:1:1:1");
        assertThat(IpAddress.parse("::")).hasToString("::");
        assertThat(IpAddress.parse("::ffff:127.0.0.1")).hasToString("::ffff:7f00:1");
    }

    @Test
    void rejectsMalformedLiterals() {
        for (String text : new String[] {"127.0.0", "127.0.0.1.1", "127.0.0.01", "1.2.3.256", "1::2::3", "1:2:3",
                "12345::", "host.example", ""}) {
            assertThatIllegalArgumentException().as(text).isThrownBy(() -> IpAddress.parse(text));
        }
    }

    @Test
    void countsUpAcrossOctetsAndStopsAtTheEndOfTheAddressSpace() {
        assertThat(IpAddress.parse("127.0.0.255").plus(1)).hasToString("127.0.1.0");
        assertThat(IpAddress.parse("255.255.255.254").plus(1)).hasToString("255.255.255.255");
        assertThat(IpAddress.parse("255.255.255.255").plus(1)).isNull();
        assertThat(IpAddress.parse("::ffff").plus(1)).hasToString("::1:0");
    }

    @Test
    void wildcardIsOnlyTheAllZeroAddress() {
        assertThat(IpAddress.parse("0.0.0.0").isWildcard()).isTrue();
        assertThat(IpAddress.parse("::").isWildcard()).isTrue();
        assertThat(IpAddress.parse("127.0.0.1").isWildcard()).isFalse();
    }
}
