package dev.ioslab.frontend.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The process limit is shared out between what is open, the listeners, the headroom and the connections. */
class DescriptorBudgetTest {

    @Test
    void connectionsGetWhatTheReserveLeaves() {
        DescriptorBudget budget = DescriptorBudget.derive(20_000, 60, 6 + 3, -1);
        assertThat(budget.reserved()).isEqualTo(60 + 9 + 2_000);
        assertThat(budget.connections()).isEqualTo(20_000 - 2_069);
        assertThat(DescriptorBudget.derive(1_000, 100, 2, 50).connections()).isEqualTo(848);
        assertThat(DescriptorBudget.defaultHeadroom(1_000)).isEqualTo(DescriptorBudget.MIN_DEFAULT_HEADROOM);
    }

    @Test
    void budgetWithNothingLeftSaysWhatToChange() {
        assertThatThrownBy(() -> DescriptorBudget.derive(1_024, 200, 2_000, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaves none for connections").hasMessageContaining("ulimit -n");
    }

    @Test
    void processLimitIsReportedOnLinux() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "Linux reports its descriptor counts");
        assertThat(DescriptorBudget.currentProcessLimit()).isNotEmpty();
        assertThat(DescriptorBudget.currentlyOpen().orElseThrow()).isPositive();
    }
}
