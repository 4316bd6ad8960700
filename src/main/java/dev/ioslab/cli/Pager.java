package dev.ioslab.cli;

import dev.ioslab.cli.edit.Key;
import java.util.List;

/**
 * IOS's {@code --More--} pager for one command's output: the first screen, then a line per Enter, a screen per
 * space, and any other key ends the output.
 *
 * <p>Threading: not thread-safe; used only under its session's monitor.
 */
final class Pager {

    static final String MORE = " --More-- ";
    private static final String ERASE_MORE = "\b".repeat(MORE.length()) + " ".repeat(MORE.length())
            + "\b".repeat(MORE.length());

    private final SessionOutput screen;
    private List<String> lines = List.of();
    private int index;

    Pager(SessionOutput screen) {
        this.screen = screen;
    }

    /**
     * Shows {@code output} on a screen of {@code length} lines (0: no paging).
     *
     * @return true when it did not fit and the pager now waits for keys
     */
    boolean show(List<String> output, int length) {
        if (length <= 0 || output.size() <= page(length)) {
            screen.writeLines(output);
            return false;
        }
        screen.writeLines(output.subList(0, page(length)));
        lines = output;
        index = page(length);
        screen.write(MORE);
        return true;
    }

    /**
     * Handles one key at the {@code --More--} prompt.
     *
     * @return true when the output is finished
     */
    boolean onKey(Key key, int length) {
        screen.write(ERASE_MORE);
        if (key == Key.Control.ENTER) {
            screen.writeLines(lines.subList(index, index + 1));
            index++;
        } else if (key instanceof Key.Printable p && p.c() == ' ') {
            int end = Math.min(lines.size(), index + page(length));
            screen.writeLines(lines.subList(index, end));
            index = end;
        } else {
            index = lines.size();
        }
        if (index >= lines.size()) {
            lines = List.of();
            return true;
        }
        screen.write(MORE);
        return false;
    }

    /** Lines of output per screen: all but the one {@code --More--} stands on, and at least one. */
    private static int page(int length) {
        return Math.max(1, length - 1);
    }
}
