package dev.ioslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.CliTester;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A peer that types much and reads nothing cannot make a session hold unbounded output: what one burst of input
 * produces reaches the terminal in parts, so the terminal's back-pressure stops the input in time.
 */
class SessionOutputBoundTest {

    @TempDir
    Path dir;

    /** A peer that stops reading once it has been sent {@code window} bytes, like a full TCP window. */
    private static final class StalledPeer implements Terminal {
        private final int window;
        private long sent;
        private int largestWrite;

        StalledPeer(int window) {
            this.window = window;
        }

        @Override
        public synchronized void write(String text) {
            sent += text.length();
            largestWrite = Math.max(largestWrite, text.length());
        }

        @Override
        public void close() {
        }

        @Override
        public synchronized boolean backlogged() {
            return sent >= window;
        }

        @Override
        public void whenDrained(Runnable action) {
            // Never: the peer does not read again.
        }
    }

    @Test
    void aBurstOfHelpRequestsStopsOnceThePeerStopsReading() {
        CliTester t = CliTester.privileged(dir);
        StalledPeer peer = new StalledPeer(64 * 1024);
        ShellSession session = t.shell().openShell(new SessionInfo("admin", 15, "ssh",
                new InetSocketAddress("127.0.0.1", 50003), "vt100", 80, 24), peer);
        session.start();

        byte[] questions = new byte[20_000];
        Arrays.fill(questions, (byte) '?');
        session.receive(questions, 0, questions.length);

        synchronized (peer) {
            assertThat(peer.sent).isLessThan(1024 * 1024);
            assertThat(peer.largestWrite).isLessThan(1024 * 1024);
        }
    }
}
