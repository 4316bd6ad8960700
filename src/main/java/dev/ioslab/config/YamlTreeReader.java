package dev.ioslab.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text with Jackson's streaming YAML parser into a {@link YamlNode} tree that keeps positions. Binding
 * from this tree rather than with {@code ObjectMapper} is what lets a load report every problem at once, each with
 * its line and column; Jackson data binding stops at the first.
 */
final class YamlTreeReader {

    private final YAMLFactory factory = YAMLFactory.builder().build();

    /**
     * Parses one YAML document.
     *
     * @return the root node, or an empty mapping at line 1 when the text holds no document at all
     * @throws ConfigException on a YAML syntax error, an alias or a second document, reported with its position
     */
    YamlNode read(String yaml, ProblemList problems) throws ConfigException {
        try (JsonParser parser = factory.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlNode.Mapping(List.of(), new YamlNode.Position(1, 1));
            }
            YamlNode root = readValue(parser, problems);
            if (parser.nextToken() != null) {
                problems.add(position(parser.currentTokenLocation()), "",
                        "a second YAML document ('---') is not allowed; put everything in one document");
            }
            if (problems.isEmpty()) {
                return root;
            }
            // An alias read as its bare name would bind wrong values (a secret 'pw' from '*pw'), so stop here.
            problems.throwIfAny();
        } catch (JacksonException e) {
            if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                // SnakeYAML's problem mark is where the error is; Jackson's location can be the enclosing context.
                problems.add(position(marked.getProblemMark()), "", "YAML syntax error: " + describe(marked));
            } else {
                problems.add(position(e.getLocation()), "", "YAML syntax error: " + oneLine(e.getOriginalMessage()));
            }
        } catch (IOException e) {
            // Only a String is read, so this is a parser failure rather than I/O; report it like a syntax error.
            problems.add(null, "", "YAML cannot be read: " + oneLine(e.getMessage()));
        }
        problems.throwIfAny();
        throw new IllegalStateException("a YAML failure must have been recorded as a problem");
    }

    private YamlNode readValue(JsonParser parser, ProblemList problems) throws IOException {
        JsonToken token = parser.currentToken();
        YamlNode.Position position = position(parser.currentTokenLocation());
        if (parser instanceof YAMLParser yamlParser && yamlParser.isCurrentAlias()) {
            // Jackson's streaming parser hands an alias over as a string holding the anchor's name.
            problems.add(position, "", "YAML aliases ('*" + parser.getText() + "') are not supported; write the "
                    + "value out, or use a device template (count) for many similar devices");
        }
        switch (token) {
            case START_OBJECT -> {
                List<YamlNode.Entry> entries = new ArrayList<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    YamlNode.Position keyPosition = position(parser.currentTokenLocation());
                    parser.nextToken();
                    entries.add(new YamlNode.Entry(key, keyPosition, readValue(parser, problems)));
                }
                return new YamlNode.Mapping(entries, position);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, problems));
                }
                return new YamlNode.Sequence(items, position);
            }
            case VALUE_NUMBER_INT -> {
                return new YamlNode.Scalar(YamlNode.ScalarKind.INTEGER, parser.getText(),
                        parser.getBigIntegerValue(), position);
            }
            case VALUE_NUMBER_FLOAT -> {
                return scalar(YamlNode.ScalarKind.FLOAT, parser, position);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return scalar(YamlNode.ScalarKind.BOOLEAN, parser, position);
            }
            case VALUE_NULL -> {
                return scalar(YamlNode.ScalarKind.NULL, parser, position);
            }
            default -> {
                return scalar(YamlNode.ScalarKind.STRING, parser, position);
            }
        }
    }

    private static YamlNode.Scalar scalar(YamlNode.ScalarKind kind, JsonParser parser, YamlNode.Position position)
            throws IOException {
        return new YamlNode.Scalar(kind, parser.getText(), null, position);
    }

    private static YamlNode.Position position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return null;
        }
        return new YamlNode.Position(location.getLineNr(), Math.max(1, location.getColumnNr()));
    }

    private static YamlNode.Position position(Mark mark) {
        return new YamlNode.Position(mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** "expected the node content, but found '-' (while parsing a flow node that starts at line 1)". */
    private static String describe(MarkedYAMLException marked) {
        String problem = oneLine(marked.getProblem());
        if (marked.getContext() == null) {
            return problem;
        }
        String where = marked.getContextMark() == null ? ""
                : " that starts at line " + (marked.getContextMark().getLine() + 1);
        return problem + " (" + oneLine(marked.getContext()) + where + ")";
    }

    private static String oneLine(String message) {
        return message == null ? "unknown error" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
