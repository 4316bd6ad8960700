package dev.ioslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.device.DeviceEvent;
import dev.ioslab.testing.CliTester;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A line the parser refuses is published as a {@code command-rejected} event with IOS's verdict, masked like every
 * recorded line, so a script's typo shows in the event log next to what it ran; accepted lines stay {@code command}
 * events and empty lines are nothing.
 */
class RejectedLineEventsTest {

    @TempDir
    Path dir;

    private final List<DeviceEvent> events = new CopyOnWriteArrayList<>();

    /** A session on a device whose events land in {@link #events}. */
    private CliTester session() {
        CliTester t = CliTester.privileged(dir);
        t.session().device().publishEventsTo(events::add);
        return t;
    }

    @Test
    void refusedLinesAreEventsWithTheirVerdict() {
        CliTester t = session();

        t.text("show clok\r");
        t.text("show\r");
        t.text("show i\r");
        t.text("\r");
        t.text("configure terminal\r");
        t.text("username bob secrt Hunter2pw\r");
        t.text("end\r");

        assertThat(events).filteredOn(e -> e instanceof DeviceEvent.CommandRejected).containsExactly(
                new DeviceEvent.CommandRejected("show clok", "exec", 15, "admin", 0, "invalid"),
                new DeviceEvent.CommandRejected("show", "exec", 15, "admin", 0, "incomplete"),
                new DeviceEvent.CommandRejected("show i", "exec", 15, "admin", 0, "ambiguous"),
                new DeviceEvent.CommandRejected("username bob secrt ...", "config", 15, "admin", 0, "invalid"));
        assertThat(events).filteredOn(e -> e instanceof DeviceEvent.CommandEntered)
                .extracting(e -> ((DeviceEvent.CommandEntered) e).line())
                .containsExactly("configure terminal", "end");
    }

    @Test
    void aRejectedLineIsRecordedUpToTheRefusedWordAndKeepsNoSecret() {
        CliTester t = session();

        t.text("copy ftp://admin:Sup3rSecret@127.0.0.1/x.bin flash0: extra words\r");
        t.text("configure terminal\r");
        t.text("username bob p Sup3rSecret\r");
        t.text("snmp-server community Sup3rSecret RO\r");

        assertThat(events).filteredOn(e -> e instanceof DeviceEvent.CommandRejected)
                .extracting(e -> ((DeviceEvent.CommandRejected) e).line())
                .containsExactly("copy ftp://admin@127.0.0.1/x.bin flash0: extra ...", "username bob p ...",
                        "snmp-server ...");
    }
}
