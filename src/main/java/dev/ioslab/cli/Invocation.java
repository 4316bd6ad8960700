package dev.ioslab.cli;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One parsed command line handed to a {@link Command}: its bound arguments and keywords, a place to write
 * output, ways to ask the user questions, and the session it runs in. Output written with {@link #println} is
 * buffered and then filtered and paged; {@link #stream} text goes out at once (progress marks).
 */
public interface Invocation {

    /** The command line as typed, without any output filter. */
    String line();

    /** True when the matched syntax started with the keyword {@code no}. */
    boolean isNo();

    /** True when the given keyword was part of the matched syntax. */
    boolean has(String keyword);

    /** The value bound to a named argument, or null when the syntax path did not include it. */
    String arg(String name);

    /** All keywords of the matched syntax, in order (full words, not as abbreviated). */
    List<String> keywords();

    /** A numeric argument, or {@code fallback} when absent. */
    default long number(String name, long fallback) {
        String v = arg(name);
        if (v == null) {
            return fallback;
        }
        return v.startsWith("0x") || v.startsWith("0X") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
    }

    /**
     * Declares the value of a named argument unacceptable (an interface the platform does not have, say): the
     * session prints IOS's caret under it and {@code % Invalid input detected at '^' marker.} when the command
     * finishes, instead of its output.
     */
    void rejectArgument(String name);

    /** Appends one line of output. */
    void println(String text);

    /** Appends text without ending the line. */
    void print(String text);

    /** Writes text to the terminal at once, bypassing filters and the pager. */
    void stream(String text);

    /**
     * Shows buffered output and ends the terminal's current line unless it is already at its start; does nothing
     * where there is no terminal.
     */
    default void startLine() {
    }

    /** Asks a question and completes with the line typed (echoed). */
    CompletableFuture<String> ask(String prompt);

    /** Asks for a secret and completes with the line typed (not echoed). */
    CompletableFuture<String> askSecret(String prompt);

    /**
     * Prints {@code prompt} (ending in {@code [confirm]}) and waits for one key: Enter or {@code y} confirm,
     * anything else declines.
     */
    CompletableFuture<Boolean> confirm(String prompt);

    /**
     * Registers what to do when the user aborts the running command (Ctrl-C, or Ctrl-^ — IOS's escape sequence) or
     * the session closes while it runs: a long transfer or hash stops at once and cleans up. Runs at most once, on
     * the thread that noticed; at once when that already happened.
     */
    default void onAbort(Runnable action) {
    }

    /** True once the session has disconnected or the user aborted: long-running work stops and cleans up. */
    default boolean isCancelled() {
        return false;
    }

    /** The session this command runs in. */
    CliContext context();
}
