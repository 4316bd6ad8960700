package dev.ioslab.frontend.telnet;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One unit of a Telnet stream after framing: user data with IAC escaping removed, a bare command, an option
 * negotiation, or a subnegotiation. The same records travel both ways: {@link TelnetDecoder} produces them,
 * {@link TelnetEncoder} writes them. Immutable and thread-safe.
 */
public sealed interface TelnetMessage
        permits TelnetMessage.Data, TelnetMessage.Command, TelnetMessage.Negotiation, TelnetMessage.Subnegotiation {

    /** Data bytes, unescaped (a 255 here is one data byte; the encoder doubles it). */
    record Data(byte[] bytes) implements TelnetMessage {

        public Data {
            bytes = bytes.clone();
        }

        /** The text as ISO-8859-1 bytes, one byte per char, as a {@code Terminal} writes it. */
        public static Data of(String text) {
            return new Data(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** Number of bytes, without copying. */
        public int length() {
            return bytes.length;
        }

        /** One byte as an unsigned value, without copying. */
        public int byteAt(int index) {
            return bytes[index] & 0xff;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Data data && Arrays.equals(bytes, data.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Data[" + HexFormat.ofDelimiter(" ").formatHex(bytes) + "]";
        }
    }

    /** A two-byte command such as {@code IAC NOP} or {@code IAC AYT}; never a negotiation verb, SB, SE or IAC. */
    record Command(TelnetCommand command) implements TelnetMessage {

        public Command {
            if (command.isNegotiation() || command == TelnetCommand.SB || command == TelnetCommand.SE
                    || command == TelnetCommand.IAC) {
                throw new IllegalArgumentException(command + " is not a stand-alone Telnet command");
            }
        }
    }

    /** {@code IAC WILL|WONT|DO|DONT option} (RFC 855); {@code option} is the raw option byte, 0-255. */
    record Negotiation(TelnetCommand verb, int option) implements TelnetMessage {

        public Negotiation {
            if (!verb.isNegotiation()) {
                throw new IllegalArgumentException(verb + " is not WILL, WONT, DO or DONT");
            }
            if (option < 0 || option > 255) {
                throw new IllegalArgumentException("option code out of range: " + option);
            }
        }

        /** Convenience for a named option. */
        public Negotiation(TelnetCommand verb, TelnetOption option) {
            this(verb, option.code());
        }

        @Override
        public String toString() {
            return verb + " " + TelnetOption.describe(option);
        }
    }

    /** {@code IAC SB option parameters IAC SE}; parameters are unescaped (a doubled IAC inside is one 255). */
    record Subnegotiation(int option, byte[] parameters) implements TelnetMessage {

        public Subnegotiation {
            if (option < 0 || option > 255) {
                throw new IllegalArgumentException("option code out of range: " + option);
            }
            parameters = parameters.clone();
        }

        /** Convenience for a named option. */
        public Subnegotiation(TelnetOption option, byte[] parameters) {
            this(option.code(), parameters);
        }

        @Override
        public byte[] parameters() {
            return parameters.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Subnegotiation sub && sub.option == option
                    && Arrays.equals(parameters, sub.parameters);
        }

        @Override
        public int hashCode() {
            return 31 * option + Arrays.hashCode(parameters);
        }

        @Override
        public String toString() {
            return "SB " + TelnetOption.describe(option) + " [" + HexFormat.ofDelimiter(" ").formatHex(parameters)
                    + "]";
        }
    }
}
