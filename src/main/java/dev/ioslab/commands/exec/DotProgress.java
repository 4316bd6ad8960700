package dev.ioslab.commands.exec;

import dev.ioslab.cli.Invocation;

/**
 * Progress dots streamed to the session while a file is read: one dot per call, wrapped after
 * {@value #WIDTH} dots as IOS wraps its rows of dots. Used from one worker thread at a time.
 */
final class DotProgress {

    static final int WIDTH = 78;

    private final Invocation inv;
    private int onLine;

    DotProgress(Invocation inv) {
        this.inv = inv;
    }

    /** Streams one dot. */
    void tick() {
        if (onLine == WIDTH) {
            inv.stream("\n");
            onLine = 0;
        }
        inv.stream(".");
        onLine++;
    }
}
