package dev.ioslab.config;

import java.math.BigInteger;
import java.util.List;

/**
 * A YAML document as a small tree that, unlike Jackson's {@code JsonNode}, remembers where every node and key
 * stood in the file, so that each configuration problem can name its line and column.
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    /** Where the node starts in the source. */
    Position position();

    /** A one-based line and column in the source text. */
    record Position(int line, int column) {
    }

    /** A mapping, keys kept in document order; duplicate keys are kept too, so the binder can report them. */
    record Mapping(List<Entry> entries, Position position) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }
    }

    /** One key of a mapping with the position of the key itself (where an unknown key is reported). */
    record Entry(String key, Position keyPosition, YamlNode value) {
    }

    /** A sequence. */
    record Sequence(List<YamlNode> items, Position position) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /**
     * A scalar as YAML resolved it. {@code text} is the scalar as written (for any kind), {@code integer} is set
     * only for {@link ScalarKind#INTEGER}.
     */
    record Scalar(ScalarKind kind, String text, BigInteger integer, Position position) implements YamlNode {
    }

    /** How YAML resolved a scalar. */
    enum ScalarKind {
        STRING("a string"),
        INTEGER("an integer"),
        FLOAT("a decimal number"),
        BOOLEAN("a boolean"),
        NULL("null");

        private final String description;

        ScalarKind(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }
}
