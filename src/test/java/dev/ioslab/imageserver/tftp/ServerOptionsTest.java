package dev.ioslab.imageserver.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {

    @Test
    void grantsKnownOptionsWithinTheirRangesInTheClientsOrder() {
        Map<String, String> requested = new LinkedHashMap<>();
        requested.put("tsize", "0");
        requested.put("blksize", "70000");
        requested.put("timeout", "3");
        requested.put("windowsize", "1000");
        requested.put("multicast", "1");
        ServerOptions granted = ServerOptions.grant(requested, OptionalLong.of(1234));

        assertThat(granted.blockSize()).isEqualTo(65464);
        assertThat(granted.windowSize()).as("1 MiB of window at most").isEqualTo(16);
        assertThat(granted.retransmit()).isEqualTo(Duration.ofSeconds(3));
        assertThat(granted.oack()).containsExactly(Map.entry("tsize", "1234"), Map.entry("blksize", "65464"),
                Map.entry("timeout", "3"), Map.entry("windowsize", "16"));
    }

    @Test
    void leavesOutValuesOutOfRange() {
        ServerOptions granted = ServerOptions.grant(Map.of("blksize", "7", "timeout", "0", "windowsize", "x"),
                OptionalLong.of(1));
        assertThat(granted.oack()).isEmpty();
        assertThat(granted.blockSize()).isEqualTo(512);
        assertThat(granted.windowSize()).isEqualTo(1);
        assertThat(granted.retransmit()).isEqualTo(ServerOptions.DEFAULT_RETRANSMIT);
    }

    @Test
    void echoesTheSizeAnnouncedInAWriteRequest() {
        ServerOptions granted = ServerOptions.grant(Map.of("tsize", "4096"), OptionalLong.empty());
        assertThat(granted.announced()).hasValue(4096);
        assertThat(granted.oack()).containsEntry("tsize", "4096");
    }
}
