package dev.ioslab.config;

import java.util.List;

/**
 * The configuration cannot be used. The message lists every problem found, one per line, each naming the file,
 * line, column and field; {@link #problems()} gives the same lines one by one. The daemon prints the message and
 * exits with status 2.
 */
public final class ConfigException extends Exception {

    private final String source;
    private final List<String> problems;

    ConfigException(String source, List<ConfigProblem> problems) {
        super(describe(source, problems));
        this.source = source;
        this.problems = problems.stream().map(ConfigProblem::toString).toList();
    }

    /** The file (or source name) that was being loaded. */
    public String source() {
        return source;
    }

    /**
     * Every problem, in file order, each formatted as {@code file:line:column: field.path: what is wrong}.
     */
    public List<String> problems() {
        return problems;
    }

    private static String describe(String source, List<ConfigProblem> problems) {
        StringBuilder text = new StringBuilder("Invalid configuration ").append(source).append(" (")
                .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append("):");
        for (ConfigProblem problem : problems) {
            text.append(System.lineSeparator()).append("  ").append(problem);
        }
        return text.toString();
    }
}
