package dev.ioslab.cli.edit;

/**
 * What {@link LineEditor#handle(Key)} hands back to its host (the CLI session) when a key completes something the
 * host must act on. The editor has already written the echo named on each record. Immutable and thread-safe.
 */
public sealed interface EditorEvent permits EditorEvent.Enter, EditorEvent.Help, EditorEvent.Complete,
        EditorEvent.Interrupt, EditorEvent.EndConfig {

    /**
     * The user pressed Enter; the editor wrote {@code "\r\n"} and emptied its buffer.
     *
     * @param line the line exactly as typed, whitespace included (the host trims)
     */
    record Enter(String line) implements EditorEvent {
    }

    /**
     * {@code ?} typed while echoing: the editor wrote {@code "?\r\n"} and kept its buffer; the host prints the help
     * and then calls {@link LineEditor#redraw()}.
     *
     * @param beforeCursor the buffer up to the cursor, i.e. what the help is about
     */
    record Help(String beforeCursor) implements EditorEvent {
    }

    /**
     * Tab: nothing was written; the host answers with {@link LineEditor#insert(String)} or {@link LineEditor#bell()}.
     *
     * @param beforeCursor the buffer up to the cursor, i.e. what to complete
     */
    record Complete(String beforeCursor) implements EditorEvent {
    }

    /** Ctrl-C or Ctrl-^: the editor wrote {@code "^C\r\n"} and emptied its buffer. */
    record Interrupt() implements EditorEvent {
    }

    /** Ctrl-Z: the editor wrote {@code "^Z\r\n"} and emptied its buffer; the host leaves configuration mode. */
    record EndConfig() implements EditorEvent {
    }
}
