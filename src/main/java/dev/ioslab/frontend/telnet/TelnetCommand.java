package dev.ioslab.frontend.telnet;

import java.util.Optional;

/** The Telnet command bytes that may follow {@code IAC} (RFC 854, "Telnet command structure"). */
public enum TelnetCommand {
    /** End of subnegotiation parameters. */
    SE(240),
    /** No operation. */
    NOP(241),
    /** The data stream portion of a Synch (always with a TCP urgent notification). */
    DATA_MARK(242),
    /** NVT character BRK. */
    BREAK(243),
    /** Interrupt Process. */
    INTERRUPT_PROCESS(244),
    /** Abort Output. */
    ABORT_OUTPUT(245),
    /** Are You There. */
    ARE_YOU_THERE(246),
    /** Erase Character. */
    ERASE_CHARACTER(247),
    /** Erase Line. */
    ERASE_LINE(248),
    /** Go Ahead. */
    GO_AHEAD(249),
    /** Start of subnegotiation of the option that follows. */
    SB(250),
    /** Sender wants to begin, or confirms it now performs, the option. */
    WILL(251),
    /** Sender refuses to perform, or will stop performing, the option. */
    WONT(252),
    /** Sender asks the peer to perform, or confirms it expects the peer to perform, the option. */
    DO(253),
    /** Sender demands the peer stop performing, or not start, the option. */
    DONT(254),
    /** Interpret As Command; doubled it stands for the data byte 255. */
    IAC(255);

    private static final TelnetCommand[] BY_CODE = new TelnetCommand[256];

    static {
        for (TelnetCommand command : values()) {
            BY_CODE[command.code] = command;
        }
    }

    private final int code;

    TelnetCommand(int code) {
        this.code = code;
    }

    /** The unsigned wire value. */
    public int code() {
        return code;
    }

    /** The byte as written on the wire. */
    public byte wireByte() {
        return (byte) code;
    }

    /** True for the four option verbs WILL, WONT, DO, DONT (RFC 855). */
    public boolean isNegotiation() {
        return this == WILL || this == WONT || this == DO || this == DONT;
    }

    /** The command for an unsigned byte value, empty when the byte is not a Telnet command. */
    public static Optional<TelnetCommand> fromCode(int code) {
        if (code < 0 || code > 255) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_CODE[code]);
    }
}
