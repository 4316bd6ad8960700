package dev.ioslab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An output modifier after {@code |}: {@code include}, {@code exclude}, {@code begin}, {@code section} or
 * {@code count} with an IOS regular expression, where {@code _} matches a delimiter (start or end of line, space,
 * comma, braces, parentheses). Immutable.
 */
public record OutputFilter(Kind kind, Pattern regex) {

    /** The modifiers IOS offers, matched by unique prefix. */
    public enum Kind {
        BEGIN, COUNT, EXCLUDE, INCLUDE, SECTION
    }

    /** A filter, or the column (within the pipe text) of what could not be parsed. */
    public sealed interface Parsed {
        record Ok(OutputFilter filter) implements Parsed {
        }

        record Invalid(int column) implements Parsed {
        }

        record Incomplete() implements Parsed {
        }
    }

    /** Parses the text after {@code |}. */
    public static Parsed parse(String pipe) {
        List<Token> tokens = Token.split(pipe);
        if (tokens.isEmpty()) {
            return new Parsed.Incomplete();
        }
        Token first = tokens.get(0);
        String word = first.text().toLowerCase(Locale.ROOT);
        List<Kind> kinds = new ArrayList<>();
        for (Kind k : Kind.values()) {
            if (k.name().toLowerCase(Locale.ROOT).startsWith(word)) {
                kinds.add(k);
            }
        }
        if (kinds.size() != 1) {
            return new Parsed.Invalid(first.start());
        }
        if (tokens.size() < 2) {
            return new Parsed.Incomplete();
        }
        String expression = pipe.substring(tokens.get(1).start()).stripTrailing();
        Optional<Pattern> regex = compile(expression);
        if (regex.isEmpty()) {
            return new Parsed.Invalid(tokens.get(1).start());
        }
        return new Parsed.Ok(new OutputFilter(kinds.get(0), regex.get()));
    }

    /** Translates an IOS regular expression into a Java one; empty when it is malformed. */
    static Optional<Pattern> compile(String iosRegex) {
        StringBuilder java = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < iosRegex.length(); i++) {
            char c = iosRegex.charAt(i);
            if (c == '\\' && i + 1 < iosRegex.length()) {
                java.append(c).append(iosRegex.charAt(++i));
            } else if (c == '[') {
                inClass = true;
                java.append(c);
            } else if (c == ']') {
                inClass = false;
                java.append(c);
            } else if (c == '_' && !inClass) {
                java.append("(?:^|$|[,{}()\\s])");
            } else {
                java.append(c);
            }
        }
        try {
            return Optional.of(Pattern.compile(java.toString()));
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
    }

    /** Applies the filter to output lines. */
    public List<String> apply(List<String> lines) {
        List<String> out = new ArrayList<>();
        switch (kind) {
            case INCLUDE -> lines.stream().filter(l -> regex.matcher(l).find()).forEach(out::add);
            case EXCLUDE -> lines.stream().filter(l -> !regex.matcher(l).find()).forEach(out::add);
            case BEGIN -> {
                boolean on = false;
                for (String l : lines) {
                    on = on || regex.matcher(l).find();
                    if (on) {
                        out.add(l);
                    }
                }
            }
            case SECTION -> {
                // A matching top-level line brings its whole section; a matching child brings its parent along.
                boolean inSection = false;
                String parent = null;
                boolean parentShown = false;
                for (String l : lines) {
                    if (!l.startsWith(" ")) {
                        parent = l;
                        inSection = regex.matcher(l).find();
                        parentShown = inSection;
                        if (inSection) {
                            out.add(l);
                        }
                    } else if (inSection) {
                        out.add(l);
                    } else if (regex.matcher(l).find()) {
                        if (parent != null && !parentShown) {
                            out.add(parent);
                            parentShown = true;
                        }
                        out.add(l);
                    }
                }
            }
            case COUNT -> out.add("Number of lines which match regexp = "
                    + lines.stream().filter(l -> regex.matcher(l).find()).count());
        }
        return out;
    }
}
