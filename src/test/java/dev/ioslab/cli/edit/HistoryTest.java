package dev.ioslab.cli.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HistoryTest {

    @Test
    void keepsLinesOldestFirst() {
        History history = new History(10);
        history.add("show version");
        history.add("show clock");
        assertThat(history.entries()).containsExactly("show version", "show clock");
    }

    @Test
    void ignoresBlankLines() {
        History history = new History(10);
        history.add("");
        history.add("   ");
        assertThat(history.entries()).isEmpty();
    }

    @Test
    void ignoresOnlyAnImmediateRepeat() {
        History history = new History(10);
        history.add("show clock");
        history.add("show clock");
        history.add("dir");
        history.add("show clock");
        assertThat(history.entries()).containsExactly("show clock", "dir", "show clock");
    }

    @Test
    void dropsTheOldestEntryWhenFull() {
        History history = new History(2);
        history.add("a");
        history.add("b");
        history.add("c");
        assertThat(history.entries()).containsExactly("b", "c");
    }

    @Test
    void shrinkingDropsTheOldestEntriesAndGrowingKeepsTheRest() {
        History history = new History(5);
        for (String line : new String[] {"a", "b", "c", "d"}) {
            history.add(line);
        }
        history.setSize(2);
        assertThat(history.entries()).containsExactly("c", "d");
        assertThat(history.size()).isEqualTo(2);
        history.setSize(3);
        history.add("e");
        assertThat(history.entries()).containsExactly("c", "d", "e");
    }

    @Test
    void sizeZeroRecordsNothing() {
        History history = new History(0);
        history.add("show version");
        assertThat(history.entries()).isEmpty();
    }

    @Test
    void reportsCapacityNotEntryCount() {
        History history = new History(History.DEFAULT_SIZE);
        history.add("x");
        assertThat(history.size()).isEqualTo(10);
    }

    @Test
    void rejectsSizesOutsideIosRange() {
        assertThatThrownBy(() -> new History(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new History(257)).isInstanceOf(IllegalArgumentException.class);
        History history = new History(History.MAX_SIZE);
        assertThatThrownBy(() -> history.setSize(300)).isInstanceOf(IllegalArgumentException.class);
        assertThat(history.size()).isEqualTo(256);
    }

    @Test
    void entriesAreASnapshotTheCallerCannotChange() {
        History history = new History(3);
        history.add("a");
        var snapshot = history.entries();
        history.add("b");
        assertThat(snapshot).containsExactly("a");
        assertThatThrownBy(() -> snapshot.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
