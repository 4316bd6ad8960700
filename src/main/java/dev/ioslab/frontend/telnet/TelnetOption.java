package dev.ioslab.frontend.telnet;

import java.util.Optional;

/**
 * The Telnet options this front end knows by name. Peers may name any option byte; those without an entry here are
 * carried as raw codes and always refused.
 */
public enum TelnetOption {
    /** RFC 856. */
    BINARY(0),
    /** RFC 857: the side that WILL ECHO echoes what it receives. */
    ECHO(1),
    /** RFC 858. */
    SUPPRESS_GO_AHEAD(3),
    /** RFC 859. */
    STATUS(5),
    /** RFC 860. */
    TIMING_MARK(6),
    /** RFC 1091. */
    TERMINAL_TYPE(24),
    /** RFC 1073: Negotiate About Window Size. */
    NAWS(31),
    /** RFC 1079. */
    TERMINAL_SPEED(32),
    /** RFC 1372. */
    REMOTE_FLOW_CONTROL(33),
    /** RFC 1184. */
    LINEMODE(34),
    /** RFC 1096. */
    X_DISPLAY_LOCATION(35),
    /** RFC 1408. */
    ENVIRON(36),
    /** RFC 1572. */
    NEW_ENVIRON(39);

    private final int code;

    TelnetOption(int code) {
        this.code = code;
    }

    /** The unsigned wire value. */
    public int code() {
        return code;
    }

    /** The option with this code, empty for options this front end has no name for. */
    public static Optional<TelnetOption> fromCode(int code) {
        for (TelnetOption option : values()) {
            if (option.code == code) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }

    /** A readable name for logs: the enum name, or the decimal code for unnamed options. */
    public static String describe(int code) {
        return fromCode(code).map(Enum::name).orElse(Integer.toString(code));
    }
}
