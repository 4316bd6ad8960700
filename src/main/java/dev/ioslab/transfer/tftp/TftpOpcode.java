package dev.ioslab.transfer.tftp;

import java.util.Optional;

/** The TFTP opcodes: RFC 1350 section 5, plus OACK from RFC 2347. */
public enum TftpOpcode {
    RRQ(1),
    WRQ(2),
    DATA(3),
    ACK(4),
    ERROR(5),
    OACK(6);

    private static final TftpOpcode[] BY_CODE = {null, RRQ, WRQ, DATA, ACK, ERROR, OACK};

    private final int code;

    TftpOpcode(int code) {
        this.code = code;
    }

    /** The 16-bit value on the wire. */
    public int code() {
        return code;
    }

    /** The opcode with wire value {@code code}, if there is one. */
    public static Optional<TftpOpcode> of(int code) {
        return code > 0 && code < BY_CODE.length ? Optional.of(BY_CODE[code]) : Optional.empty();
    }
}
