package dev.ioslab.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the body of {@code POST /devices/{name}/faults} into a {@link FaultSpec}, refusing anything unknown or out of
 * range with a 400 that names the field ({@code kind}, {@code bytes}, {@code match.protocol} …). Stateless apart
 * from its JSON reader; thread-safe.
 */
final class FaultRequest {

    /** Transfer failure reasons the API accepts, each an IOS text of {@code transfer.TransferError}. */
    static final List<String> REASONS = List.of("timed-out", "connection-refused", "permission-denied",
            "no-such-file", "login-failed");
    static final List<String> PROTOCOLS = List.of("ftp", "tftp", "scp");
    private static final Set<String> COMMON = Set.of("kind", "type", "count", "untilRemoved", "probability", "match");
    private static final int MAX_TEXT = 1024;
    /** Upper bounds of the time parameters: an hour of latency or boot time is already far beyond any test. */
    private static final long MAX_MS = 3_600_000;
    private static final long MAX_SECONDS = 3_600;

    private final ObjectMapper json;

    FaultRequest(ObjectMapper json) {
        // One JSON object and nothing after it: a second document or a stray bracket is a malformed body.
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    FaultSpec parse(byte[] body) throws ApiException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("body", "the body is not valid JSON");
        } catch (IOException e) {
            throw ApiException.badRequest("body", "the body cannot be read");
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("body", "the body must be a JSON object");
        }
        FaultKind kind = FaultKind.of(text(root, "kind"))
                .orElseThrow(() -> ApiException.badRequest("kind", "kind must be one of transfer, flash, session, "
                        + "boot"));
        FaultType type = FaultType.of(kind, text(root, "type"))
                .orElseThrow(() -> ApiException.badRequest("type", "no " + kind.label() + " fault of type "
                        + root.path("type").asText()));
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!COMMON.contains(name) && !type.parameters().contains(name)) {
                throw ApiException.badRequest(name, type.label() + " has no parameter " + name);
            }
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (String name : type.parameters()) {
            parameters.put(name, name.equals("reason") ? reason(root) : number(root, name));
        }
        boolean untilRemoved = flag(root, "untilRemoved");
        long count = 1;
        // A listed fault that fires until removed shows "count": null; posted back, that means no count.
        if (root.hasNonNull("count")) {
            if (untilRemoved) {
                throw ApiException.badRequest("count", "a fault that fires until removed has no count");
            }
            count = number(root, "count");
            if (count < 1) {
                throw ApiException.badRequest("count", "count must be at least 1");
            }
        }
        double probability = 1.0;
        if (root.has("probability")) {
            JsonNode p = root.get("probability");
            if (!p.isNumber() || !(p.asDouble() >= 0 && p.asDouble() <= 1)) {
                throw ApiException.badRequest("probability", "probability must be a number from 0 to 1");
            }
            probability = p.asDouble();
        }
        return new FaultSpec(type, parameters, count, untilRemoved, probability, match(root, kind));
    }

    private static String text(JsonNode root, String field) throws ApiException {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual()) {
            throw ApiException.badRequest(field, field + " is required and must be a string");
        }
        return node.asText();
    }

    private static String reason(JsonNode root) throws ApiException {
        String reason = text(root, "reason");
        if (!REASONS.contains(reason)) {
            throw ApiException.badRequest("reason", "reason must be one of " + String.join(", ", REASONS));
        }
        return reason;
    }

    private static long number(JsonNode root, String field) throws ApiException {
        JsonNode node = root.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
            throw ApiException.badRequest(field, field + " is required and must be a whole number, at least 0");
        }
        long value = node.asLong();
        if (field.equals("bytesPerSecond") && value < 1) {
            throw ApiException.badRequest(field, "bytesPerSecond must be at least 1");
        }
        if (field.equals("ms") && value > MAX_MS || field.equals("seconds") && value > MAX_SECONDS) {
            throw ApiException.badRequest(field, field + " must be at most "
                    + (field.equals("ms") ? MAX_MS : MAX_SECONDS));
        }
        return value;
    }

    private static boolean flag(JsonNode root, String field) throws ApiException {
        JsonNode node = root.get(field);
        if (node == null) {
            return false;
        }
        if (!node.isBoolean()) {
            throw ApiException.badRequest(field, field + " must be true or false");
        }
        return node.asBoolean();
    }

    /** Transfer faults match a URL and a protocol, flash faults a file system; the others match everything. */
    private static FaultMatch match(JsonNode root, FaultKind kind) throws ApiException {
        JsonNode match = root.get("match");
        if (match == null || match.isNull()) {
            return FaultMatch.ANY;
        }
        if (!match.isObject()) {
            throw ApiException.badRequest("match", "match must be an object");
        }
        Set<String> allowed = switch (kind) {
            case TRANSFER -> Set.of("url", "protocol");
            case FLASH -> Set.of("fileSystem");
            case SESSION, BOOT -> Set.of();
        };
        for (Iterator<String> names = match.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.badRequest("match." + name, kind.label() + " faults cannot match " + name);
            }
        }
        Optional<String> protocol = criterion(match, "protocol");
        if (protocol.isPresent() && !PROTOCOLS.contains(protocol.get())) {
            throw ApiException.badRequest("match.protocol", "protocol must be one of ftp, tftp, scp");
        }
        return new FaultMatch(criterion(match, "url"), criterion(match, "fileSystem"), protocol);
    }

    private static Optional<String> criterion(JsonNode match, String field) throws ApiException {
        JsonNode node = match.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual() || node.asText().isEmpty() || node.asText().length() > MAX_TEXT) {
            throw ApiException.badRequest("match." + field, "match." + field + " must be a non-empty string of at "
                    + "most " + MAX_TEXT + " characters");
        }
        return Optional.of(node.asText());
    }
}
