package dev.ioslab.config;

/** What a device template counts up from one device to the next; the other stays fixed. */
enum CountUp {
    /** {@code sshPort} and {@code telnetPort} both count up; every device shares the address. */
    PORTS("ports"),
    /** The address counts up; every device listens on the same two ports of its own address. */
    ADDRESS("address");

    private final String yamlName;

    CountUp(String yamlName) {
        this.yamlName = yamlName;
    }

    String yamlName() {
        return yamlName;
    }
}
