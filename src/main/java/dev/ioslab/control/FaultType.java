package dev.ioslab.control;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every fault the API can plan, with its kind, its name in the API and the parameters it requires (all whole
 * numbers except the transfer failure's {@code reason}).
 */
public enum FaultType {
    TRANSFER_FAIL(FaultKind.TRANSFER, "fail", "reason"),
    STALL_AFTER_BYTES(FaultKind.TRANSFER, "stall-after-bytes", "bytes"),
    TRUNCATE_AFTER_BYTES(FaultKind.TRANSFER, "truncate-after-bytes", "bytes"),
    CORRUPT_BYTE_AT(FaultKind.TRANSFER, "corrupt-byte-at", "offset"),
    BANDWIDTH(FaultKind.TRANSFER, "bandwidth", "bytesPerSecond"),
    LATENCY(FaultKind.TRANSFER, "latency", "ms"),
    FLASH_FULL(FaultKind.FLASH, "full", "bytes"),
    WRITE_ERROR_AFTER_BYTES(FaultKind.FLASH, "write-error-after-bytes", "bytes"),
    READ_ONLY(FaultKind.FLASH, "read-only"),
    DROP_ALL(FaultKind.SESSION, "drop-all"),
    REFUSE_LOGINS(FaultKind.SESSION, "refuse-logins"),
    OUTPUT_LATENCY(FaultKind.SESSION, "output-latency", "ms"),
    FAIL_VERIFICATION(FaultKind.BOOT, "fail-verification"),
    BOOT_TIME(FaultKind.BOOT, "boot-time", "seconds");

    private final FaultKind kind;
    private final String label;
    private final List<String> parameters;

    FaultType(FaultKind kind, String label, String... parameters) {
        this.kind = kind;
        this.label = label;
        this.parameters = List.of(parameters);
    }

    public FaultKind kind() {
        return kind;
    }

    /** The name the API uses, e.g. {@code stall-after-bytes}. */
    public String label() {
        return label;
    }

    /** The parameters a fault of this type must have, by their JSON names. */
    public List<String> parameters() {
        return parameters;
    }

    /** The type of {@code kind} called {@code label}, if there is one. */
    public static Optional<FaultType> of(FaultKind kind, String label) {
        return Arrays.stream(values()).filter(t -> t.kind == kind && t.label.equals(label)).findFirst();
    }
}
