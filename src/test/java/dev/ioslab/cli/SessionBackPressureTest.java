package dev.ioslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.CliTester;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session held by output back-pressure resumes however the terminal reports that its backlog is gone. */
class SessionBackPressureTest {

    @TempDir
    Path dir;

    /**
     * A terminal whose peer catches up between the session's backlog check and its {@code whenDrained} call (the
     * write in flight completes on an I/O thread meanwhile): the drain callback then runs at once, as
     * {@link Terminal#whenDrained} allows.
     */
    private static final class CatchesUpAtOnce implements Terminal {
        private final StringBuilder out = new StringBuilder();
        private boolean backlogged;

        @Override
        public synchronized void write(String text) {
            out.append(text);
        }

        @Override
        public void close() {
        }

        @Override
        public synchronized boolean backlogged() {
            boolean was = backlogged;
            backlogged = false;
            return was;
        }

        synchronized void backlogOnce() {
            backlogged = true;
        }

        synchronized String output() {
            return out.toString();
        }
    }

    @Test
    void inputHeldForABacklogRunsWhenTheDrainCallbackComesAtOnce() {
        CliTester t = CliTester.privileged(dir);
        CatchesUpAtOnce terminal = new CatchesUpAtOnce();
        ShellSession session = t.shell().openShell(new SessionInfo("admin", 15, "ssh",
                new InetSocketAddress("127.0.0.1", 50002), "vt100", 80, 24), terminal);
        session.start();
        terminal.backlogOnce();

        byte[] typed = "show privilege\r".getBytes(StandardCharsets.ISO_8859_1);
        session.receive(typed, 0, typed.length);

        assertThat(terminal.output()).endsWith("R1#show privilege\r\nCurrent privilege level is 15\r\nR1#");
    }
}
