package dev.ioslab.testing;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Collects what a client channel receives and lets a test wait for a piece of text (without sleeping). Counts the
 * writes it gets: MINA's client channel writes each SSH_MSG_CHANNEL_DATA it receives in one call.
 */
public final class TextSink extends OutputStream {

    private final StringBuilder text = new StringBuilder();
    private int writes;

    @Override
    public synchronized void write(int b) {
        writes++;
        text.append((char) (b & 0xff));
        notifyAll();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        writes++;
        text.append(new String(b, off, len, StandardCharsets.ISO_8859_1));
        notifyAll();
    }

    /** Everything received since the last call, then forgets it. */
    public synchronized String take() {
        String s = text.toString();
        text.setLength(0);
        return s;
    }

    /** Number of writes received so far (for a client channel: data messages). */
    public synchronized int writes() {
        return writes;
    }

    public synchronized String text() {
        return text.toString();
    }

    /** Waits until the collected text contains {@code expected}; fails with what arrived after {@code timeout}. */
    public synchronized String await(String expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (text.indexOf(expected) < 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected \"" + expected + "\" but received \"" + text + "\"");
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return text.toString();
    }
}
