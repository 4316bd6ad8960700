package dev.ioslab.cli;

/** One position in a command syntax: a keyword or a typed argument. */
public sealed interface Element permits Element.Keyword, Element.Arg {

    /** A keyword matched exactly or by unique prefix, case-insensitively. */
    record Keyword(String word) implements Element {
    }

    /** An argument bound under {@code name}; {@code min}/{@code max} bound numeric kinds. */
    record Arg(ArgKind kind, String name, long min, long max) implements Element {

        String label() {
            return kind.label(min, max);
        }
    }
}
