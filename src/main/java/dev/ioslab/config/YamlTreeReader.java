package dev.ioslab.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
     * @throws ConfigException on a YAML syntax error or a second document, reported with its position
     */
    YamlNode read(String yaml, ProblemList problems) throws ConfigException {
        try (JsonParser parser = factory.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlNode.Mapping(List.of(), new YamlNode.Position(1, 1));
            }
            YamlNode root = readValue(parser);
            if (parser.nextToken() != null) {
                problems.add(position(parser.currentTokenLocation()), "",
                        "a second YAML document ('---') is not allowed; put everything in one document");
            }
            problems.throwIfAny();
            return root;
        } catch (JacksonException e) {
            problems.add(position(e.getLocation()), "", "YAML syntax error: " + oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            // Only a String is read, so this is a parser failure rather than I/O; report it like a syntax error.
            problems.add(null, "", "YAML cannot be read: " + oneLine(e.getMessage()));
        }
        problems.throwIfAny();
        throw new IllegalStateException("a YAML failure must have been recorded as a problem");
    }

    private YamlNode readValue(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        YamlNode.Position position = position(parser.currentTokenLocation());
        switch (token) {
            case START_OBJECT -> {
                List<YamlNode.Entry> entries = new ArrayList<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    YamlNode.Position keyPosition = position(parser.currentTokenLocation());
                    parser.nextToken();
                    entries.add(new YamlNode.Entry(key, keyPosition, readValue(parser)));
                }
                return new YamlNode.Mapping(entries, position);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser));
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

    private static String oneLine(String message) {
        return message == null ? "unknown error" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
