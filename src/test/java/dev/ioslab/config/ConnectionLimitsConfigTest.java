package dev.ioslab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The flood settings of {@code daemon:}: defaults, overrides, and mistakes reported at the field. */
class ConnectionLimitsConfigTest {

    private final ConfigLoader loader = new ConfigLoader(2);

    @Test
    void absentKeysTakeTheDefaults() throws ConfigException {
        assertThat(loader.parse("daemon: {}\n", "lab.yaml").daemon().connections())
                .isEqualTo(ConnectionLimits.DEFAULTS);
    }

    @Test
    void everyKeyCanBeSet() throws ConfigException {
        ConnectionLimits limits = loader.parse("""
                daemon:
                  descriptorLimit: 1000
                  descriptorHeadroom: 100
                  maxUnauthenticated: 300
                  maxUnauthenticatedPerAddress: 20
                  maxUnauthenticatedPerListener: 3
                """, "lab.yaml").daemon().connections();
        assertThat(limits).isEqualTo(new ConnectionLimits(OptionalLong.of(1000), OptionalLong.of(100), 300, 20, 3));
    }

    @Test
    void capsThatContradictEachOtherAreReportedAtTheField() {
        assertThat(problemsOf("""
                daemon:
                  descriptorLimit: 10
                  maxUnauthenticated: 10
                  maxUnauthenticatedPerAddress: 20
                  maxUnauthenticatedPerListener: 30
                """)).containsExactly(
                "lab.yaml:2:20: daemon.descriptorLimit: 10 is out of range; allowed: 64..100000000",
                "lab.yaml:4:33: daemon.maxUnauthenticatedPerAddress: 20 is above maxUnauthenticated 10; one address "
                        + "cannot hold more than all of them together",
                "lab.yaml:5:34: daemon.maxUnauthenticatedPerListener: 30 is above maxUnauthenticatedPerAddress 20; "
                        + "one port cannot take more from an address than all ports together");
        assertThat(problemsOf("""
                daemon:
                  descriptorLimit: 1000
                  descriptorHeadroom: 1000
                """)).containsExactly("lab.yaml:3:23: daemon.descriptorHeadroom: 1000 leaves nothing of "
                + "descriptorLimit 1000 for connections; keep it well below the limit (default: a tenth of it)");
    }

    private List<String> problemsOf(String yaml) {
        ConfigException failure = catchThrowableOfType(ConfigException.class, () -> loader.parse(yaml, "lab.yaml"));
        assertThat(failure).as("expected the configuration to be rejected").isNotNull();
        return failure.problems();
    }
}
