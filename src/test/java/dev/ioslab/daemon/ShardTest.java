package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioslab.config.DeviceSpec;
import dev.ioslab.config.PlatformSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --shard K/N}: N disjoint slices that together are the whole rack. */
class ShardTest {

    @Test
    void shardsOfOneToSixteenAreDisjointAndCoverTheRack() {
        for (int total : List.of(0, 1, 7, 16, 1000, 100_003)) {
            List<DeviceSpec> rack = rack(total);
            for (int n = 1; n <= 16; n++) {
                Set<String> seen = new HashSet<>();
                List<String> inOrder = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    List<DeviceSpec> slice = new Shard(k, n).select(rack);
                    assertThat(slice.size()).as("shard %d/%d of %d", k, n, total)
                            .isBetween(total / n, (total + n - 1) / n);
                    for (DeviceSpec device : slice) {
                        assertThat(seen.add(device.name())).as("%s in two shards of %d", device.name(), n).isTrue();
                        inOrder.add(device.name());
                    }
                }
                assertThat(inOrder).as("shards of %d cover %d devices in order", n, total)
                        .isEqualTo(rack.stream().map(DeviceSpec::name).toList());
            }
        }
    }

    @Test
    void theCommandLineTakesKOverNCountingFromZero() {
        Main main = new Main();
        new CommandLine(main).parseArgs("--shard", "3/4", "rack.yaml");
        assertThat(main.shard()).isEqualTo(new Shard(3, 4));
        assertThat(main.configFile()).hasToString("rack.yaml");

        Main whole = new Main();
        new CommandLine(whole).parseArgs();
        assertThat(whole.shard()).isEqualTo(Shard.ALL);
    }

    @Test
    void aShardThatDoesNotExistIsRefusedWithTheRule() {
        assertThatThrownBy(() -> new CommandLine(new Main()).parseArgs("--shard", "4/4"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("K from 0 to N-1");
        assertThatThrownBy(() -> Shard.parse("1-4")).hasMessageContaining("write K/N");
        assertThatThrownBy(() -> Shard.parse("a/4")).hasMessageContaining("whole numbers");
    }

    private static List<DeviceSpec> rack(int total) {
        PlatformSpec platform = new PlatformSpec(PlatformSpec.DEFAULT_MODEL, "FGL16101234",
                PlatformSpec.DEFAULT_MAIN_MEMORY_KB, PlatformSpec.DEFAULT_IO_MEMORY_KB, PlatformSpec.DEFAULT_FLASH,
                PlatformSpec.DEFAULT_NVRAM_BYTES);
        List<DeviceSpec> devices = new ArrayList<>(total);
        for (int i = 1; i <= total; i++) {
            devices.add(new DeviceSpec("r" + i, platform, "127.1.0.1", 22, 23, List.of(), null, List.of()));
        }
        return devices;
    }
}
