package dev.ioslab.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every problem of one load instead of stopping at the first, so the operator fixes the file in one
 * round. Not thread-safe: one instance per load.
 */
final class ProblemList {

    private static final Comparator<ConfigProblem> FILE_ORDER = Comparator
            .comparingInt((ConfigProblem problem) -> problem.position() == null ? 0 : problem.position().line())
            .thenComparingInt(problem -> problem.position() == null ? 0 : problem.position().column());

    private final String source;
    private final List<ConfigProblem> problems = new ArrayList<>();

    ProblemList(String source) {
        this.source = source;
    }

    void add(YamlNode.Position position, String fieldPath, String message) {
        problems.add(new ConfigProblem(source, position, fieldPath, message));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    void throwIfAny() throws ConfigException {
        if (!problems.isEmpty()) {
            // Stable sort: problems on the same spot keep the order in which the checks found them.
            List<ConfigProblem> sorted = new ArrayList<>(problems);
            sorted.sort(FILE_ORDER);
            throw new ConfigException(source, sorted);
        }
    }
}
