package dev.ioslab.cli.edit;

import dev.ioslab.cli.edit.Key.Control;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Edits one command line at a time with the echo a real IOS VTY produces, and reports what the host must act on as
 * {@link EditorEvent}s.
 *
 * <p>Echo contract (automation matches it byte for byte): a character typed at the end of the line is echoed as just
 * that character, never with backspaces or a repaint, so Netmiko finds the raw command in the echo. Edits in the
 * middle of the line rewrite the tail and step back with {@code \b}; the terminal cursor always ends where the edit
 * cursor is. Each {@link #handle(Key)} writes at most one string to the output.
 *
 * <p>Password mode ({@code echo == false}): printable characters (including {@code ?}) and Backspace change the
 * buffer silently; Enter writes {@code "\r\n"} and is not recorded in history; Ctrl-C and Ctrl-Z behave as when
 * echoing; every other key is ignored.
 *
 * <p>The buffer never holds more than {@code maxLineLength} characters: a character that does not fit rings the bell
 * and is dropped.
 *
 * <p>Threading: not thread-safe; one editor per session, called from one thread at a time.
 */
public final class LineEditor {

    private static final String BELL = "\u0007";
    private static final String CRLF = "\r\n";

    private final Consumer<String> output;
    private final History history;
    private final int maxLineLength;
    private final StringBuilder line = new StringBuilder();

    private String prompt = "";
    private boolean echo = true;
    private int cursor;
    /** Last text removed by a kill key, for Yank; empty when nothing was killed yet. */
    private String killed = "";
    /** 0 while editing the new line; n while showing the n-th newest history entry. */
    private int historyPosition;
    /** What was being typed when the user started walking the history. */
    private String unsentLine = "";

    /**
     * Creates an editor.
     *
     * @param output receives everything to send to the terminal (one-byte-per-char text)
     * @param history the session's history, read by Up/Down and appended to on Enter
     * @param maxLineLength the most characters a line may hold, at least 1
     */
    public LineEditor(Consumer<String> output, History history, int maxLineLength) {
        this.output = Objects.requireNonNull(output, "output");
        this.history = Objects.requireNonNull(history, "history");
        if (maxLineLength < 1) {
            throw new IllegalArgumentException("maxLineLength must be at least 1, was " + maxLineLength);
        }
        this.maxLineLength = maxLineLength;
    }

    /**
     * Starts a new line: writes the prompt and empties the buffer.
     *
     * @param prompt written as is (the host supplies any preceding line break)
     * @param echo false for passwords: nothing is echoed, {@code ?} is an ordinary character, no history
     */
    public void begin(String prompt, boolean echo) {
        begin(prompt, echo, "");
    }

    /**
     * Starts a new line with text already in the buffer, echoed after the prompt (unless {@code echo} is false), with
     * the cursor at its end. Text beyond {@code maxLineLength} is dropped.
     *
     * @throws IllegalArgumentException if {@code initialText} holds a character outside printable ASCII
     */
    public void begin(String prompt, boolean echo, String initialText) {
        checkPrintable(initialText);
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.echo = echo;
        line.setLength(0);
        line.append(initialText, 0, Math.min(initialText.length(), maxLineLength));
        cursor = line.length();
        resetHistoryWalk();
        String shown = echo ? prompt + line : prompt;
        write(shown);
    }

    /**
     * Applies one key.
     *
     * @return the event the key completes, or {@code null} when the host has nothing to do
     */
    public EditorEvent handle(Key key) {
        Objects.requireNonNull(key, "key");
        if (key instanceof Key.Printable printable) {
            return typed(printable.c());
        }
        Control control = (Control) key;
        return echo ? control(control) : controlWithoutEcho(control);
    }

    /**
     * Writes the prompt and the whole buffer again on the current line and steps the terminal cursor back to the
     * edit cursor. The host calls it after printing {@code ?} help.
     */
    public void redraw() {
        write(prompt + (echo ? line + backspaces(line.length() - cursor) : ""));
    }

    /**
     * Inserts text at the cursor with echo, as Tab completion does. What does not fit in {@code maxLineLength} is
     * dropped with a bell.
     *
     * @throws IllegalArgumentException if {@code text} holds a character outside printable ASCII
     */
    public void insert(String text) {
        checkPrintable(text);
        write(insertText(text));
    }

    /** Writes BEL (0x07). */
    public void bell() {
        write(BELL);
    }

    /** The current line. */
    public String buffer() {
        return line.toString();
    }

    /** The number of characters in the buffer, without copying it. */
    public int length() {
        return line.length();
    }

    /** The edit cursor, 0..{@link #length()}. */
    public int cursor() {
        return cursor;
    }

    private EditorEvent typed(char c) {
        if (c == '?' && echo) {
            // IOS acts on '?' at once and keeps it out of the command (reference §2.2).
            write("?" + CRLF);
            return new EditorEvent.Help(beforeCursor());
        }
        if (!echo) {
            if (line.length() < maxLineLength) {
                line.insert(cursor++, c);
            }
            return null;
        }
        write(insertText(String.valueOf(c)));
        return null;
    }

    private EditorEvent controlWithoutEcho(Control control) {
        switch (control) {
            case ENTER, INTERRUPT, CTRL_Z -> {
                return finish(control);
            }
            case BACKSPACE -> {
                if (cursor > 0) {
                    line.deleteCharAt(--cursor);
                }
                return null;
            }
            default -> {
                // A password prompt offers no editing beyond Backspace; cursor and history keys would reveal
                // nothing useful and history must never show a password.
                return null;
            }
        }
    }

    private EditorEvent control(Control control) {
        switch (control) {
            case ENTER, INTERRUPT, CTRL_Z -> {
                return finish(control);
            }
            case TAB -> {
                return new EditorEvent.Complete(beforeCursor());
            }
            case BACKSPACE -> write(backspace());
            case DELETE_FORWARD -> write(deleteForward());
            case LEFT -> write(cursor == 0 ? BELL : moveTo(cursor - 1));
            case RIGHT -> write(cursor == line.length() ? BELL : moveTo(cursor + 1));
            case HOME -> write(moveTo(0));
            case END -> write(moveTo(line.length()));
            case WORD_LEFT -> write(cursor == 0 ? BELL : moveTo(wordStartBefore(cursor)));
            case WORD_RIGHT -> write(cursor == line.length() ? BELL : moveTo(wordEndAfter(cursor)));
            case KILL_TO_END -> write(killRange(cursor, line.length()));
            case KILL_TO_START -> write(killRange(0, cursor));
            case KILL_WORD_BACK -> write(cursor == 0 ? BELL : killRange(wordStartBefore(cursor), cursor));
            case YANK -> write(killed.isEmpty() ? BELL : insertText(killed));
            case TRANSPOSE -> write(transpose());
            case REDRAW -> write(CRLF + prompt + line + backspaces(line.length() - cursor));
            case UP -> write(historyUp());
            case DOWN -> write(historyDown());
        }
        return null;
    }

    private EditorEvent finish(Control control) {
        String text = line.toString();
        line.setLength(0);
        cursor = 0;
        resetHistoryWalk();
        switch (control) {
            case INTERRUPT -> {
                write("^C" + CRLF);
                return new EditorEvent.Interrupt();
            }
            case CTRL_Z -> {
                write("^Z" + CRLF);
                return new EditorEvent.EndConfig();
            }
            default -> {
                write(CRLF);
                if (echo) {
                    history.add(text);
                }
                return new EditorEvent.Enter(text);
            }
        }
    }

    /** Inserts as much of {@code text} as fits and returns the echo: the new text, the old tail, back to the cursor. */
    private String insertText(String text) {
        int room = maxLineLength - line.length();
        String accepted = text.length() <= room ? text : text.substring(0, room);
        String bell = accepted.length() < text.length() ? BELL : "";
        if (accepted.isEmpty()) {
            return bell;
        }
        line.insert(cursor, accepted);
        cursor += accepted.length();
        if (!echo) {
            return bell;
        }
        String tail = line.substring(cursor);
        return accepted + tail + backspaces(tail.length()) + bell;
    }

    private String backspace() {
        if (cursor == 0) {
            return BELL;
        }
        line.deleteCharAt(--cursor);
        String tail = line.substring(cursor);
        return "\b" + tail + " " + backspaces(tail.length() + 1);
    }

    private String deleteForward() {
        if (cursor == line.length()) {
            return BELL;
        }
        line.deleteCharAt(cursor);
        String tail = line.substring(cursor);
        return tail + " " + backspaces(tail.length() + 1);
    }

    /** Removes {@code [from, to)}, saves it for Yank, and returns the repaint; the cursor ends at {@code from}. */
    private String killRange(int from, int to) {
        if (from == to) {
            return "";
        }
        killed = line.substring(from, to);
        String back = backspaces(cursor - from);
        line.delete(from, to);
        cursor = from;
        String tail = line.substring(cursor);
        int erased = to - from;
        return back + tail + " ".repeat(erased) + backspaces(tail.length() + erased);
    }

    private String transpose() {
        if (cursor < 2) {
            return BELL;
        }
        char first = line.charAt(cursor - 2);
        char second = line.charAt(cursor - 1);
        line.setCharAt(cursor - 2, second);
        line.setCharAt(cursor - 1, first);
        return "\b\b" + second + first;
    }

    /** Moves the edit cursor and returns what moves the terminal cursor the same way. */
    private String moveTo(int target) {
        String motion = target < cursor ? backspaces(cursor - target) : line.substring(cursor, target);
        cursor = target;
        return motion;
    }

    /** Start of the word left of {@code position}: back over spaces, then over the non-spaces before them. */
    private int wordStartBefore(int position) {
        int i = position;
        while (i > 0 && line.charAt(i - 1) == ' ') {
            i--;
        }
        while (i > 0 && line.charAt(i - 1) != ' ') {
            i--;
        }
        return i;
    }

    /** End of the word right of {@code position}: forward over spaces, then over the next word (Emacs style). */
    private int wordEndAfter(int position) {
        int i = position;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        while (i < line.length() && line.charAt(i) != ' ') {
            i++;
        }
        return i;
    }

    private String historyUp() {
        List<String> entries = history.entries();
        if (historyPosition >= entries.size()) {
            return BELL;
        }
        if (historyPosition == 0) {
            unsentLine = line.toString();
        }
        historyPosition++;
        return replaceLine(entries.get(entries.size() - historyPosition));
    }

    private String historyDown() {
        if (historyPosition == 0) {
            return BELL;
        }
        historyPosition--;
        if (historyPosition == 0) {
            return replaceLine(unsentLine);
        }
        List<String> entries = history.entries();
        // The history may have shrunk (terminal history size) while the user was walking it.
        historyPosition = Math.min(historyPosition, entries.size());
        if (historyPosition == 0) {
            return replaceLine(unsentLine);
        }
        return replaceLine(entries.get(entries.size() - historyPosition));
    }

    /** Erases the displayed line (to the start, blanks, back) and shows {@code text} with the cursor at its end. */
    private String replaceLine(String text) {
        String erase = backspaces(cursor) + " ".repeat(line.length()) + backspaces(line.length());
        line.setLength(0);
        line.append(text, 0, Math.min(text.length(), maxLineLength));
        cursor = line.length();
        return erase + line;
    }

    private void resetHistoryWalk() {
        historyPosition = 0;
        unsentLine = "";
    }

    private String beforeCursor() {
        return line.substring(0, cursor);
    }

    private void write(String text) {
        if (!text.isEmpty()) {
            output.accept(text);
        }
    }

    private static String backspaces(int count) {
        return "\b".repeat(count);
    }

    private static void checkPrintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException(
                        "not printable ASCII at index " + i + ": 0x" + Integer.toHexString(c));
            }
        }
    }
}
