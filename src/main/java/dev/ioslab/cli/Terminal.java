package dev.ioslab.cli;

/**
 * The output side of one CLI session, implemented by a front end (SSH channel, Telnet channel, test fake).
 *
 * <p>Text is written one byte per char (ISO-8859-1); lines end in {@code \r\n}. Implementations are thread-safe
 * and never block: a session may write from an I/O thread or from the thread that completed a command's future.
 */
public interface Terminal {

    /** Queues {@code text} for the peer. */
    void write(String text);

    /** Ends the session: flushes what was written, then closes the connection. Idempotent. */
    void close();

    /**
     * True while so much output waits for a peer that does not read that the session should take no more input
     * (and so start no more commands) until it drains; this keeps a session's memory bounded.
     */
    default boolean backlogged() {
        return false;
    }

    /** Runs {@code action} once the backlog has drained, at once when there is none; from any thread. */
    default void whenDrained(Runnable action) {
        action.run();
    }
}
