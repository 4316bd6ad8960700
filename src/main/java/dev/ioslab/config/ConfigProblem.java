package dev.ioslab.config;

/**
 * One thing wrong with a configuration file, printed like a compiler diagnostic so editors and people can jump to
 * it: {@code conf/ioslab.yaml:12:15: devices[2].sshPort: 70000 is out of range; allowed: 1..65535}.
 *
 * @param source    the file name as the operator knows it
 * @param position  where in the file, or {@code null} when the problem concerns the whole file
 * @param fieldPath the field, such as {@code devices[2].users[0].privilege}; empty for syntax errors
 * @param message   what is wrong and what is allowed
 */
record ConfigProblem(String source, YamlNode.Position position, String fieldPath, String message) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(source);
        if (position != null) {
            text.append(':').append(position.line()).append(':').append(position.column());
        }
        text.append(": ");
        if (!fieldPath.isEmpty()) {
            text.append(fieldPath).append(": ");
        }
        return text.append(message).toString();
    }
}
