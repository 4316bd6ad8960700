package dev.ioslab.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a running command has printed and the session has not shown yet: whole lines (filtered and paged when the
 * command ends) and the start of an unfinished line.
 *
 * <p>Threading: not thread-safe; used under its session's monitor.
 */
final class CommandOutput {

    private final StringBuilder lines = new StringBuilder();
    private final StringBuilder partialLine = new StringBuilder();

    void println(String text) {
        lines.append(partialLine).append(text).append('\n');
        partialLine.setLength(0);
    }

    void print(String text) {
        int nl = text.lastIndexOf('\n');
        if (nl < 0) {
            partialLine.append(text);
        } else {
            lines.append(partialLine).append(text, 0, nl + 1);
            partialLine.setLength(0);
            partialLine.append(text.substring(nl + 1));
        }
    }

    /** The whole lines printed so far, removed from the buffer. */
    List<String> takeLines() {
        if (lines.length() == 0) {
            return List.of();
        }
        String text = lines.toString();
        lines.setLength(0);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    }

    /** The unfinished line printed so far (possibly empty), removed from the buffer. */
    String takePartialLine() {
        String text = partialLine.toString();
        partialLine.setLength(0);
        return text;
    }
}
