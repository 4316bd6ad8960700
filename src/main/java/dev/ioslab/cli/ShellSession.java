package dev.ioslab.cli;

/**
 * One interactive CLI session on a device, fed by a front end after login.
 *
 * <p>Threading: front ends call these methods from their threads (I/O threads, timers), one call at a time per
 * session; the session never blocks the caller. Output goes to the {@link Terminal} the session was opened with.
 */
public interface ShellSession {

    /** Prints the banner (if any) and the first prompt. Called once, before any {@link #receive}. */
    void start();

    /** Bytes as the user typed them, transport framing removed (Telnet IAC sequences already decoded). */
    void receive(byte[] data, int offset, int length);

    /** The terminal's size changed (SSH window-change, Telnet NAWS). Zero means unknown. */
    void resize(int columns, int rows);

    /** The transport went away; the session releases what it holds. Idempotent. */
    void disconnected();
}
