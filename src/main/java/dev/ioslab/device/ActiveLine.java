package dev.ioslab.device;

import java.time.Instant;

/**
 * One occupied terminal line of a device, for {@code show users}: the vty number, the user, where they came from
 * when they last typed, and a way to reach their session. The owner updates {@link #touch} on input; others only read.
 */
public final class ActiveLine {

    private final int vty;
    private final String user;
    private final String location;
    private final LineTerminal terminal;
    private volatile Instant lastInput;

    ActiveLine(int vty, String user, String location, Instant now, LineTerminal terminal) {
        this.vty = vty;
        this.user = user;
        this.location = location;
        this.lastInput = now;
        this.terminal = terminal;
    }

    /** The session on this line, as far as the device may reach it. */
    public LineTerminal terminal() {
        return terminal;
    }

    public int vty() {
        return vty;
    }

    public String user() {
        return user;
    }

    public String location() {
        return location;
    }

    public Instant lastInput() {
        return lastInput;
    }

    public void touch(Instant now) {
        this.lastInput = now;
    }
}
