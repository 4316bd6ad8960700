package dev.ioslab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command's declared syntax: the mode it lives in, the privilege it needs, its syntax patterns (see
 * {@link SyntaxPattern}), the help text of its keywords and arguments, and whether its output takes
 * {@code | include} style filters. Immutable.
 */
public record CommandSpec(CliMode mode, int privilege, List<String> patterns, Map<String, String> help,
                          boolean pipeable) {

    public CommandSpec {
        patterns = List.copyOf(patterns);
        help = Map.copyOf(help);
    }

    /** Starts a spec for a command in {@code mode}, privilege 15 unless said otherwise. */
    public static Builder in(CliMode mode) {
        return new Builder(mode);
    }

    /** Builds a {@link CommandSpec}. */
    public static final class Builder {
        private final CliMode mode;
        private int privilege = 15;
        private final List<String> patterns = new ArrayList<>();
        private final Map<String, String> help = new LinkedHashMap<>();
        private boolean pipeable;

        private Builder(CliMode mode) {
            this.mode = mode;
        }

        public Builder privilege(int level) {
            this.privilege = level;
            return this;
        }

        /** Adds a syntax pattern; a command may have several (for example its {@code no} form). */
        public Builder syntax(String pattern) {
            patterns.add(pattern);
            return this;
        }

        /** Help text for a keyword or an argument name, as {@code ?} shows it. */
        public Builder help(String word, String text) {
            help.put(word, text);
            return this;
        }

        /** Output may be filtered with {@code | include|exclude|begin|section|count}. */
        public Builder pipeable() {
            this.pipeable = true;
            return this;
        }

        public CommandSpec build() {
            return new CommandSpec(mode, privilege, patterns, help, pipeable);
        }
    }
}
