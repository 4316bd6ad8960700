package dev.ioslab.cli.edit;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The command history of one session, as IOS keeps it for {@code terminal history size} (default 10, 0..256).
 *
 * <p>Blank lines and an immediate repeat of the newest entry are not recorded; when full, the oldest entry goes.
 *
 * <p>Threading: not thread-safe; owned by one session.
 */
public final class History {

    /** IOS default for {@code terminal history size}. */
    public static final int DEFAULT_SIZE = 10;
    /** IOS upper bound for {@code terminal history size}. */
    public static final int MAX_SIZE = 256;

    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private int size;

    /**
     * Creates an empty history.
     *
     * @param size how many entries it keeps, 0..{@value #MAX_SIZE}
     */
    public History(int size) {
        this.size = checkSize(size);
    }

    /** Records a line: ignored when blank or equal to the newest entry; drops the oldest entry when full. */
    public void add(String line) {
        if (line.isBlank() || line.equals(lines.peekLast())) {
            return;
        }
        lines.addLast(line);
        trim();
    }

    /** The recorded lines, oldest first, as an immutable snapshot. */
    public List<String> entries() {
        return List.copyOf(lines);
    }

    /** Changes the capacity ({@code terminal history size}); shrinking drops the oldest entries. */
    public void setSize(int size) {
        this.size = checkSize(size);
        trim();
    }

    /** The capacity set by the constructor or {@link #setSize(int)}, not the number of entries. */
    public int size() {
        return size;
    }

    private void trim() {
        while (lines.size() > size) {
            lines.removeFirst();
        }
    }

    private static int checkSize(int size) {
        if (size < 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("history size must be 0.." + MAX_SIZE + ", was " + size);
        }
        return size;
    }
}
