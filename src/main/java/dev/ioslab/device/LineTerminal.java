package dev.ioslab.device;

/**
 * What a device may do to the session on one of its lines without knowing the CLI: show it a message (IOS's
 * {@code *** --- SHUTDOWN in 0:05:00 ---} banners) and hang it up (a reload drops every session).
 *
 * <p>Threading: both methods may be called from any thread and return at once.
 */
public interface LineTerminal {

    /** A terminal that ignores both, for lines without a session to reach. */
    LineTerminal NONE = new LineTerminal() {
        @Override
        public void announce(String text) {
        }

        @Override
        public void hangUp() {
        }
    };

    /** Writes {@code text} to the session's terminal as soon as it can, between its own output. */
    void announce(String text);

    /** Ends the session. */
    void hangUp();
}
