package dev.ioslab.cli.edit;

/**
 * One decoded keystroke, as produced by {@link KeyDecoder} and consumed by {@link LineEditor}.
 *
 * <p>Either a printable ASCII character or one of the IOS editing functions. Immutable and thread-safe.
 */
public sealed interface Key permits Key.Printable, Key.Control {

    /**
     * A printable ASCII character (0x20..0x7E), inserted into the line as typed.
     *
     * @param c the character; anything outside 0x20..0x7E is rejected so the edit buffer never holds control bytes
     */
    record Printable(char c) implements Key {

        /** Rejects characters the terminal would not display as a single column. */
        public Printable {
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("not a printable ASCII character: 0x" + Integer.toHexString(c));
            }
        }
    }

    /** IOS editing functions; the comment on each constant names the keys that produce it. */
    enum Control implements Key {
        /** CR, LF, CR LF, CR NUL. */
        ENTER,
        /** Backspace (0x08) and DEL (0x7F). */
        BACKSPACE,
        /** Ctrl-D, {@code ESC [ 3 ~}. */
        DELETE_FORWARD,
        /** Ctrl-B, {@code ESC [ D}, {@code ESC O D}. */
        LEFT,
        /** Ctrl-F, {@code ESC [ C}, {@code ESC O C}. */
        RIGHT,
        /** Ctrl-P, {@code ESC [ A}, {@code ESC O A}. */
        UP,
        /** Ctrl-N, {@code ESC [ B}, {@code ESC O B}. */
        DOWN,
        /** Ctrl-A, {@code ESC [ H}, {@code ESC [ 1 ~}. */
        HOME,
        /** Ctrl-E, {@code ESC [ F}, {@code ESC [ 4 ~}. */
        END,
        /** Ctrl-K. */
        KILL_TO_END,
        /** Ctrl-U, Ctrl-X. */
        KILL_TO_START,
        /** Ctrl-W. */
        KILL_WORD_BACK,
        /** Ctrl-Y. */
        YANK,
        /** {@code ESC b}. */
        WORD_LEFT,
        /** {@code ESC f}. */
        WORD_RIGHT,
        /** Ctrl-T. */
        TRANSPOSE,
        /** Ctrl-L, Ctrl-R. */
        REDRAW,
        /** Tab (0x09). */
        TAB,
        /** Ctrl-C, Ctrl-^ (0x1E). */
        INTERRUPT,
        /** Ctrl-Z (0x1A). */
        CTRL_Z
    }
}
