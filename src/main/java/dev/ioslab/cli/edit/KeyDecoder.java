package dev.ioslab.cli.edit;

import dev.ioslab.cli.edit.Key.Control;

/**
 * Turns the bytes a user types (transport framing already removed) into {@link Key keys}, one byte at a time.
 *
 * <p>Line ends: {@code \r}, {@code \n}, {@code \r\n} and {@code \r\0} are each exactly one {@link Control#ENTER};
 * only a CR followed by LF or NUL is a pair, so {@code \n\r} is two Enters. The "CR seen" state persists between
 * calls for as long as the decoder lives, because the LF of a {@code cmd\r\n} may arrive after the command ran.
 *
 * <p>VT100/ANSI: cursor keys in normal ({@code ESC [}) and application ({@code ESC O}) mode, Home/End/Delete as
 * {@code ESC [ n ~}, and Meta-b/Meta-f word moves are recognised; any other control sequence is consumed and ignored.
 * A control sequence longer than {@value #MAX_SEQUENCE_LENGTH} parameter bytes is abandoned and the rest of it is
 * decoded as ordinary input, so a hostile endless sequence neither grows memory nor swallows the session. A control
 * byte inside a sequence abandons it and is decoded normally, so Enter always works. Bytes 0x80..0xFF and control
 * bytes with no IOS meaning are ignored.
 *
 * <p>Threading: stateful and not thread-safe; one decoder per session, fed from one thread at a time.
 */
public final class KeyDecoder {

    /** Longest parameter/intermediate part of a CSI sequence kept before the sequence is abandoned. */
    public static final int MAX_SEQUENCE_LENGTH = 16;
    /** The interrupt keys: Ctrl-C, and Ctrl-^ (Ctrl-Shift-6, IOS's escape sequence). */
    private static final int CTRL_C = 0x03;
    private static final int CTRL_CARET = 0x1E;

    private static final int NUL = 0x00;
    private static final int LF = 0x0A;
    private static final int CR = 0x0D;
    private static final int ESC = 0x1B;

    /** Where the decoder is inside a multi-byte sequence. */
    private enum State {
        /** No sequence in progress. */
        GROUND,
        /** A CR was the last byte: a following LF or NUL belongs to it. */
        AFTER_CR,
        /** ESC seen. */
        ESCAPE,
        /** {@code ESC [} seen, collecting parameter and intermediate bytes. */
        CSI,
        /** {@code ESC O} seen (SS3, application cursor keys). */
        SS3
    }

    private State state = State.GROUND;
    private final StringBuilder parameters = new StringBuilder(MAX_SEQUENCE_LENGTH);

    /** Creates a decoder in the ground state. */
    public KeyDecoder() {
        // Nothing else to set up: all state is in the fields' initial values.
    }

    /**
     * Where the first interrupt key ({@link Control#INTERRUPT}) is in raw input, before any decoding: a running
     * command is stopped by it even while the keys around it wait as type-ahead. -1 when there is none.
     */
    public static int indexOfInterrupt(byte[] data, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (data[i] == CTRL_C || data[i] == CTRL_CARET) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Feeds one byte.
     *
     * @param b the byte, 0..255; only the low eight bits are used, so a signed Java {@code byte} may be passed as is
     * @return the key this byte completes, or {@code null} when it completes none (inside an escape sequence, the LF
     *     or NUL after a CR, an ignored byte)
     */
    public Key feed(int b) {
        int value = b & 0xFF;
        return switch (state) {
            case GROUND -> ground(value);
            case AFTER_CR -> afterCr(value);
            case ESCAPE -> escape(value);
            case CSI -> csi(value);
            case SS3 -> ss3(value);
        };
    }

    private Key afterCr(int b) {
        state = State.GROUND;
        // Telnet NVT (RFC 854) sends CR as CR NUL or CR LF: the second byte is part of the same Enter.
        if (b == LF || b == NUL) {
            return null;
        }
        return ground(b);
    }

    private Key ground(int b) {
        if (b >= 0x20 && b <= 0x7E) {
            return new Key.Printable((char) b);
        }
        return switch (b) {
            case CR -> {
                state = State.AFTER_CR;
                yield Control.ENTER;
            }
            case ESC -> {
                state = State.ESCAPE;
                yield null;
            }
            case LF -> Control.ENTER;
            case 0x01 -> Control.HOME;
            case 0x02 -> Control.LEFT;
            case CTRL_C, CTRL_CARET -> Control.INTERRUPT;
            case 0x04 -> Control.DELETE_FORWARD;
            case 0x05 -> Control.END;
            case 0x06 -> Control.RIGHT;
            case 0x08, 0x7F -> Control.BACKSPACE;
            case 0x09 -> Control.TAB;
            case 0x0B -> Control.KILL_TO_END;
            case 0x0C, 0x12 -> Control.REDRAW;
            case 0x0E -> Control.DOWN;
            case 0x10 -> Control.UP;
            case 0x14 -> Control.TRANSPOSE;
            case 0x15, 0x18 -> Control.KILL_TO_START;
            case 0x17 -> Control.KILL_WORD_BACK;
            case 0x19 -> Control.YANK;
            case 0x1A -> Control.CTRL_Z;
            default -> null;
        };
    }

    private Key escape(int b) {
        state = State.GROUND;
        switch (b) {
            case '[':
                parameters.setLength(0);
                state = State.CSI;
                return null;
            case 'O':
                state = State.SS3;
                return null;
            case 'b':
            case 'B':
                return Control.WORD_LEFT;
            case 'f':
            case 'F':
                return Control.WORD_RIGHT;
            default:
                // An ESC nobody understands is dropped; the byte after it still counts (the user may have hit ESC
                // by accident before typing on).
                return ground(b);
        }
    }

    private Key csi(int b) {
        if (b >= 0x40 && b <= 0x7E) {
            state = State.GROUND;
            return csiFinal(b);
        }
        if (b >= 0x20 && b <= 0x3F && parameters.length() < MAX_SEQUENCE_LENGTH) {
            parameters.append((char) b);
            return null;
        }
        // Too long, or a control/8-bit byte where ECMA-48 allows none: give up on the sequence and treat the byte as
        // ordinary input so memory stays bounded and CR still ends the line.
        state = State.GROUND;
        return ground(b);
    }

    private Key csiFinal(int finalByte) {
        String params = parameters.toString();
        if (params.isEmpty()) {
            return switch (finalByte) {
                case 'A' -> Control.UP;
                case 'B' -> Control.DOWN;
                case 'C' -> Control.RIGHT;
                case 'D' -> Control.LEFT;
                case 'H' -> Control.HOME;
                case 'F' -> Control.END;
                default -> null;
            };
        }
        if (finalByte == '~') {
            // VT220 editing keypad; 7 and 8 are rxvt's Home and End.
            return switch (params) {
                case "1", "7" -> Control.HOME;
                case "4", "8" -> Control.END;
                case "3" -> Control.DELETE_FORWARD;
                default -> null;
            };
        }
        return null;
    }

    private Key ss3(int b) {
        state = State.GROUND;
        return switch (b) {
            case 'A' -> Control.UP;
            case 'B' -> Control.DOWN;
            case 'C' -> Control.RIGHT;
            case 'D' -> Control.LEFT;
            case 'H' -> Control.HOME;
            case 'F' -> Control.END;
            // SS3 carries exactly one final byte (keypad, F1-F4): consume it silently.
            default -> b >= 0x40 && b <= 0x7E ? null : ground(b);
        };
    }
}
