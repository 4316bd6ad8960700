package dev.ioslab.cli.edit;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link KeyDecoder}, a {@link LineEditor} and its {@link History} wired to a recording terminal, driven by
 * {@link Keystrokes} scripts. Tests read what the editor wrote with {@link #takeOutput()}.
 *
 * <p>Not thread-safe; one per test.
 */
public final class EditorFixture {

    private final StringBuilder output = new StringBuilder();
    private final History history;
    private final KeyDecoder decoder = new KeyDecoder();
    private final LineEditor editor;

    /** A fixture with IOS's default history size (10) and the given line limit. */
    public EditorFixture(int maxLineLength) {
        this(History.DEFAULT_SIZE, maxLineLength);
    }

    /** A fixture with the given history size and line limit. */
    public EditorFixture(int historySize, int maxLineLength) {
        this.history = new History(historySize);
        this.editor = new LineEditor(output::append, history, maxLineLength);
    }

    /** The editor under test. */
    public LineEditor editor() {
        return editor;
    }

    /** The history the editor records into. */
    public History history() {
        return history;
    }

    /** Feeds the script's bytes through the decoder into the editor; returns the events, in order. */
    public List<EditorEvent> type(String script) {
        List<EditorEvent> events = new ArrayList<>();
        for (byte b : Keystrokes.of(script)) {
            Key key = decoder.feed(b);
            if (key != null) {
                EditorEvent event = editor.handle(key);
                if (event != null) {
                    events.add(event);
                }
            }
        }
        return events;
    }

    /** Everything written since the last call, then forgets it. */
    public String takeOutput() {
        String text = output.toString();
        output.setLength(0);
        return text;
    }
}
