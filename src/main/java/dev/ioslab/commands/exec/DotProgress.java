package dev.ioslab.commands.exec;

import dev.ioslab.cli.Invocation;

/**
 * Progress marks streamed to the session while a file is read: one mark per chunk, wrapped after
 * {@value #WIDTH} marks as IOS wraps its rows of dots. Used from one worker thread at a time.
 */
final class DotProgress {

    static final int WIDTH = 78;

    private final Invocation inv;
    private final char mark;
    private int onLine;

    DotProgress(Invocation inv) {
        this(inv, '.');
    }

    DotProgress(Invocation inv, char mark) {
        this.inv = inv;
        this.mark = mark;
    }

    /** Streams one mark. */
    void tick() {
        if (onLine == WIDTH) {
            inv.stream("\n");
            onLine = 0;
        }
        inv.stream(String.valueOf(mark));
        onLine++;
    }
}
