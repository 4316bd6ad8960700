package dev.ioslab.cli;

import java.util.List;
import java.util.Map;

/** The outcome of matching a command line against a mode's command tree. */
public sealed interface ParseResult {

    /** Nothing but whitespace was typed. */
    record Empty() implements ParseResult {
    }

    /**
     * A complete command; {@code pipe} is the text after {@code |}, or null; {@code text} the line as typed before
     * any pipe.
     */
    record Matched(Command command, List<String> keywords, Map<String, String> args,
                   Map<String, Integer> argColumns, String pipe, String text) implements ParseResult {

        /** The column after the {@code |} where the output filter's text starts; 0 without a filter. */
        int filterColumn() {
            return argColumns.getOrDefault("|", 0);
        }
    }

    /** The line stops before the command is complete. */
    record Incomplete() implements ParseResult {
    }

    /** The word starting at {@code column} (0-based, within the line) matches several keywords. */
    record Ambiguous(int column) implements ParseResult {
    }

    /** The parser could not accept the character at {@code column} (0-based, within the line). */
    record Invalid(int column) implements ParseResult {
    }
}
