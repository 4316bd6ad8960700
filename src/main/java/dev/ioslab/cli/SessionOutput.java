package dev.ioslab.cli;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A session's way out to its {@link Terminal}: tracks whether the cursor is at the start of a line, and gathers what
 * one unit of work writes (a burst of typed keys with their echo, a command's output with the next prompt) into one
 * terminal write, so that the transport sends it as one segment instead of a trickle of small ones. A unit that
 * grows past {@link #MAX_HELD} (a burst of typed input, each key with output) is sent in parts as it goes, so that
 * the terminal's back-pressure sees it and the session's memory stays bounded. Records when it last wrote to the
 * terminal, for {@code session-timeout ... output}.
 *
 * <p>Threading: not thread-safe; used only under its session's monitor, except {@link #lastOutput()} (any thread).
 */
final class SessionOutput {

    /** Output held for one unit of work beyond which it is sent at once. */
    static final int MAX_HELD = 64 * 1024;

    private final Terminal terminal;
    private final Clock clock;
    private final StringBuilder batch = new StringBuilder();
    private int depth;
    private boolean atLineStart = true;
    private volatile Instant lastOutput;

    SessionOutput(Terminal terminal, Clock clock) {
        this.terminal = terminal;
        this.clock = clock;
        this.lastOutput = clock.instant();
    }

    /** When output last went to the terminal. */
    Instant lastOutput() {
        return lastOutput;
    }

    private void send(String text) {
        lastOutput = clock.instant();
        terminal.write(text);
    }

    /** Starts a unit of work: writes are held until the matching {@link #end()}. Units nest. */
    void begin() {
        depth++;
    }

    /** Ends a unit of work; the outermost end sends everything held as one write. */
    void end() {
        if (--depth == 0) {
            flush();
        }
    }

    void write(String text) {
        if (text.isEmpty()) {
            return;
        }
        atLineStart = text.endsWith("\n");
        if (depth > 0) {
            batch.append(text);
            if (batch.length() >= MAX_HELD) {
                flush();
            }
        } else {
            send(text);
        }
    }

    void writeLines(List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append("\r\n");
        }
        write(sb.toString());
    }

    boolean atLineStart() {
        return atLineStart;
    }

    /** Records where the cursor is after output that did not pass through here (the editor's own redraw). */
    void atLineStart(boolean value) {
        atLineStart = value;
    }

    /** Sends what is held, then closes the terminal. */
    void close() {
        flush();
        terminal.close();
    }

    /** Sends what is held now, inside a unit of work too (before a one-shot command reports that it is done). */
    void flush() {
        if (batch.length() > 0) {
            String text = batch.toString();
            batch.setLength(0);
            send(text);
        }
    }
}
