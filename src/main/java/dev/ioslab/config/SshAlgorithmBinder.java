package dev.ioslab.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code daemon: ssh:}: four optional lists of algorithm names. Every problem names its field
 * ({@code daemon.ssh.ciphers[2]}) and the names that are allowed; a refused algorithm says why.
 */
final class SshAlgorithmBinder {

    static final List<String> KEYS = List.of("kex", "ciphers", "macs", "hostKeyAlgorithms");
    /** More names than any SSH implementation knows: a longer list is a mistake, not a wish. */
    private static final int MAX_NAMES = 32;

    private final ProblemList problems;

    SshAlgorithmBinder(ProblemList problems) {
        this.problems = problems;
    }

    SshAlgorithmSettings bind(MappingReader ssh) {
        return new SshAlgorithmSettings(
                names(ssh, "kex", "key exchange method", SshAlgorithmSettings.KNOWN_KEX),
                names(ssh, "ciphers", "cipher", SshAlgorithmSettings.KNOWN_CIPHERS),
                names(ssh, "macs", "MAC", SshAlgorithmSettings.KNOWN_MACS),
                names(ssh, "hostKeyAlgorithms", "host key algorithm", SshAlgorithmSettings.KNOWN_HOST_KEY_ALGORITHMS));
    }

    /** The list under {@code key} as written; empty (the default) when absent or after reporting a problem. */
    private List<String> names(MappingReader ssh, String key, String what, List<String> known) {
        YamlNode node = ssh.node(key);
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof YamlNode.Sequence sequence)) {
            ssh.report(key, "expected a list of " + what + " names, such as [" + known.get(0) + "], got "
                    + MappingReader.describe(node));
            return List.of();
        }
        if (sequence.items().isEmpty()) {
            ssh.report(key, "must name at least one " + what + "; leave the key out for the default list");
            return List.of();
        }
        if (sequence.items().size() > MAX_NAMES) {
            ssh.report(key, "lists " + sequence.items().size() + " names; at most " + MAX_NAMES);
            return List.of();
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean valid = true;
        for (int i = 0; i < sequence.items().size(); i++) {
            YamlNode item = sequence.items().get(i);
            String path = ssh.childPath(key) + "[" + i + "]";
            if (!(item instanceof YamlNode.Scalar scalar) || scalar.kind() != YamlNode.ScalarKind.STRING) {
                problems.add(item.position(), path, "expected a " + what + " name, got " + MappingReader.describe(item));
                valid = false;
                continue;
            }
            String name = scalar.text().strip();
            String refusal = SshAlgorithmSettings.REFUSED.get(name);
            if (refusal != null) {
                problems.add(item.position(), path, "'" + name + "' is not offered: " + refusal);
                valid = false;
            } else if (!known.contains(name)) {
                problems.add(item.position(), path, "unknown " + what + " '" + name + "'; known: "
                        + String.join(", ", known));
                valid = false;
            } else if (!seen.add(name)) {
                problems.add(item.position(), path, "'" + name + "' is listed twice");
                valid = false;
            } else {
                names.add(name);
            }
        }
        return valid ? names : List.of();
    }
}
