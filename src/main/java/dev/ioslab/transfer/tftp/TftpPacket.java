package dev.ioslab.transfer.tftp;

import io.netty.buffer.ByteBuf;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One TFTP packet (RFC 1350 section 5, OACK from RFC 2347). Option names are lower case (RFC 2347 makes them
 * case-insensitive) and keep their order. A {@link Data} packet holds a reference-counted buffer: whoever receives one
 * from {@link TftpCodec#decode} releases its content.
 */
public sealed interface TftpPacket {

    /** Largest block size RFC 2348 allows. */
    int MAX_BLOCK_SIZE = 65464;

    /** The packet's opcode. */
    TftpOpcode opcode();

    /** RRQ: read {@code filename}, optionally with RFC 2347 options. */
    record ReadRequest(String filename, TftpMode mode, Map<String, String> options) implements TftpPacket {
        public ReadRequest {
            options = checkRequest(filename, mode, options);
        }

        @Override
        public TftpOpcode opcode() {
            return TftpOpcode.RRQ;
        }
    }

    /** WRQ: write {@code filename}, optionally with RFC 2347 options. */
    record WriteRequest(String filename, TftpMode mode, Map<String, String> options) implements TftpPacket {
        public WriteRequest {
            options = checkRequest(filename, mode, options);
        }

        @Override
        public TftpOpcode opcode() {
            return TftpOpcode.WRQ;
        }
    }

    /** DATA: block number {@code block} (0..65535, rolling over) and its bytes. */
    record Data(int block, ByteBuf content) implements TftpPacket {
        public Data {
            checkBlock(block);
            Objects.requireNonNull(content, "content");
            if (content.readableBytes() > MAX_BLOCK_SIZE) {
                throw new IllegalArgumentException("DATA above " + MAX_BLOCK_SIZE + " bytes");
            }
        }

        @Override
        public TftpOpcode opcode() {
            return TftpOpcode.DATA;
        }
    }

    /** ACK of block number {@code block}. */
    record Ack(int block) implements TftpPacket {
        public Ack {
            checkBlock(block);
        }

        @Override
        public TftpOpcode opcode() {
            return TftpOpcode.ACK;
        }
    }

    /** ERROR: ends the transfer; {@code message} is for people. */
    record Error(TftpErrorCode code, String message) implements TftpPacket {
        public Error {
            Objects.requireNonNull(code, "code");
            checkText(message, "message");
        }

        /** An ERROR with the RFC's own wording for {@code code}. */
        public static Error of(TftpErrorCode code) {
            return new Error(code, code.text());
        }

        @Override
        public TftpOpcode opcode() {
            return TftpOpcode.ERROR;
        }
    }

    /** OACK: the options a server accepted, with the values it chose (RFC 2347). */
    record OptionAck(Map<String, String> options) implements TftpPacket {
        public OptionAck {
            options = checkOptions(options);
        }

        @Override
        public TftpOpcode opcode() {
            return TftpOpcode.OACK;
        }
    }

    private static Map<String, String> checkRequest(String filename, TftpMode mode, Map<String, String> options) {
        checkText(filename, "filename");
        if (filename.isEmpty()) {
            throw new IllegalArgumentException("empty filename");
        }
        Objects.requireNonNull(mode, "mode");
        return checkOptions(options);
    }

    private static Map<String, String> checkOptions(Map<String, String> options) {
        Objects.requireNonNull(options, "options");
        Map<String, String> copy = new LinkedHashMap<>();
        options.forEach((name, value) -> {
            checkText(name, "option name");
            checkText(value, "option value");
            if (name.isEmpty() || value.isEmpty()) {
                throw new IllegalArgumentException("option without name or value: " + name);
            }
            if (!name.equals(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("option names are lower case: " + name);
            }
            copy.put(name, value);
        });
        return Collections.unmodifiableMap(copy);
    }

    private static void checkText(String text, String what) {
        Objects.requireNonNull(text, what);
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " contains NUL");
        }
    }

    private static void checkBlock(int block) {
        if (block < 0 || block > 0xFFFF) {
            throw new IllegalArgumentException("block number out of 0..65535: " + block);
        }
    }
}
