package dev.ioslab.transfer.tftp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Bytes to {@link TftpPacket} and back (RFC 1350 section 5, RFC 2347 for options). Stateless and thread-safe; the
 * Netty handlers {@link TftpDecoder} and {@link TftpEncoder} (the embedded server's pipeline) and the client sessions,
 * which call it directly and read only DATA headers themselves ({@link TftpDataHeader}), share it.
 *
 * <p>Decoding never throws and never moves the buffer's reader index: a bad opcode, a string without its NUL, an
 * unknown mode, an option without a value, a duplicate option or a datagram above {@link #MAX_DATAGRAM} bytes comes
 * back as {@link TftpDecoding.Malformed}.
 */
public final class TftpCodec {

    /** Largest datagram TFTP can need: opcode, block and a 65464-byte block (RFC 2348). */
    public static final int MAX_DATAGRAM = 4 + TftpPacket.MAX_BLOCK_SIZE;

    /** More options than any real peer sends (RFC 2347 defines five in all); more is an attack, not a request. */
    static final int MAX_OPTIONS = 32;

    private static final int HEADER = 4;

    private TftpCodec() {
    }

    /**
     * Parses the readable bytes of {@code datagram}. A {@link TftpPacket.Data} holds a retained slice of it, which
     * the caller releases; the datagram itself stays the caller's.
     */
    public static TftpDecoding decode(ByteBuf datagram) {
        int start = datagram.readerIndex();
        int length = datagram.readableBytes();
        if (length > MAX_DATAGRAM) {
            return malformed("datagram of " + length + " bytes is above " + MAX_DATAGRAM);
        }
        if (length < 2) {
            return malformed("datagram of " + length + " bytes has no opcode");
        }
        int code = datagram.getUnsignedShort(start);
        Optional<TftpOpcode> opcode = TftpOpcode.of(code);
        if (opcode.isEmpty()) {
            return malformed("unknown opcode " + code);
        }
        return switch (opcode.get()) {
            case RRQ, WRQ -> decodeRequest(opcode.get(), datagram, start + 2, start + length);
            case DATA -> decodeData(datagram, start, length);
            case ACK -> length == HEADER
                    ? packet(new TftpPacket.Ack(datagram.getUnsignedShort(start + 2)))
                    : malformed("ACK of " + length + " bytes (RFC 1350: exactly 4)");
            case ERROR -> decodeError(datagram, start + 2, start + length);
            case OACK -> {
                ParsedOptions options = decodeOptions(datagram, start + 2, start + length);
                yield options.problem() == null
                        ? packet(new TftpPacket.OptionAck(options.options())) : malformed(options.problem());
            }
        };
    }

    /** The datagram for {@code packet}, allocated from {@code allocator}; the caller owns the result. */
    public static ByteBuf encode(TftpPacket packet, ByteBufAllocator allocator) {
        if (packet instanceof TftpPacket.ReadRequest request) {
            return encodeRequest(TftpOpcode.RRQ, request.filename(), request.mode(), request.options(), allocator);
        }
        if (packet instanceof TftpPacket.WriteRequest request) {
            return encodeRequest(TftpOpcode.WRQ, request.filename(), request.mode(), request.options(), allocator);
        }
        if (packet instanceof TftpPacket.Data data) {
            ByteBuf content = data.content();
            ByteBuf out = allocator.directBuffer(HEADER + content.readableBytes());
            writeDataHeader(data.block(), out);
            return out.writeBytes(content, content.readerIndex(), content.readableBytes());
        }
        if (packet instanceof TftpPacket.Ack ack) {
            return writeAck(ack.block(), allocator.directBuffer(HEADER, HEADER));
        }
        if (packet instanceof TftpPacket.Error error) {
            byte[] text = error.message().getBytes(StandardCharsets.UTF_8);
            ByteBuf out = allocator.directBuffer(HEADER + text.length + 1);
            out.writeShort(TftpOpcode.ERROR.code()).writeShort(error.code().code());
            return out.writeBytes(text).writeByte(0);
        }
        TftpPacket.OptionAck oack = (TftpPacket.OptionAck) packet;
        ByteBuf out = allocator.directBuffer(64);
        out.writeShort(TftpOpcode.OACK.code());
        writeOptions(oack.options(), out);
        return out;
    }

    /** Writes an ACK of {@code block} into {@code out} (the hot path of a download, without a record). */
    public static ByteBuf writeAck(int block, ByteBuf out) {
        return out.writeShort(TftpOpcode.ACK.code()).writeShort(block);
    }

    /** Writes the 4-byte DATA header for {@code block} into {@code out}; the block's bytes follow. */
    public static ByteBuf writeDataHeader(int block, ByteBuf out) {
        return out.writeShort(TftpOpcode.DATA.code()).writeShort(block);
    }

    private static TftpDecoding decodeData(ByteBuf datagram, int start, int length) {
        if (length < HEADER) {
            return malformed("DATA of " + length + " bytes has no block number");
        }
        int block = datagram.getUnsignedShort(start + 2);
        return packet(new TftpPacket.Data(block, datagram.retainedSlice(start + HEADER, length - HEADER)));
    }

    private static TftpDecoding decodeError(ByteBuf datagram, int from, int end) {
        if (end - from < 3) {
            return malformed("ERROR without code or message");
        }
        int code = datagram.getUnsignedShort(from);
        int nul = datagram.indexOf(from + 2, end, (byte) 0);
        if (nul != end - 1) {
            return malformed(nul < 0 ? "ERROR message without its NUL" : "bytes after the ERROR message");
        }
        return packet(new TftpPacket.Error(TftpErrorCode.of(code), text(datagram, from + 2, nul)));
    }

    private static TftpDecoding decodeRequest(TftpOpcode opcode, ByteBuf datagram, int from, int end) {
        int nameEnd = datagram.indexOf(from, end, (byte) 0);
        if (nameEnd < 0) {
            return malformed("file name without its NUL");
        }
        if (nameEnd == from) {
            return malformed("empty file name");
        }
        int modeEnd = datagram.indexOf(nameEnd + 1, end, (byte) 0);
        if (modeEnd < 0) {
            return malformed("mode without its NUL");
        }
        String modeName = text(datagram, nameEnd + 1, modeEnd);
        Optional<TftpMode> mode = TftpMode.of(modeName);
        if (mode.isEmpty()) {
            return malformed("unknown mode '" + printable(modeName) + "'");
        }
        ParsedOptions options = decodeOptions(datagram, modeEnd + 1, end);
        if (options.problem() != null) {
            return malformed(options.problem());
        }
        String filename = text(datagram, from, nameEnd);
        return packet(opcode == TftpOpcode.RRQ
                ? new TftpPacket.ReadRequest(filename, mode.get(), options.options())
                : new TftpPacket.WriteRequest(filename, mode.get(), options.options()));
    }

    /** Options as parsed, or the reason they are not (then {@code options} is null). */
    private record ParsedOptions(Map<String, String> options, String problem) {
    }

    private static ParsedOptions decodeOptions(ByteBuf datagram, int from, int end) {
        Map<String, String> options = new LinkedHashMap<>();
        int index = from;
        while (index < end) {
            int nameEnd = datagram.indexOf(index, end, (byte) 0);
            if (nameEnd < 0) {
                return optionsProblem("option name without its NUL");
            }
            if (nameEnd == index) {
                return optionsProblem("empty option name");
            }
            String name = text(datagram, index, nameEnd).toLowerCase(Locale.ROOT);
            int valueEnd = nameEnd + 1 < end ? datagram.indexOf(nameEnd + 1, end, (byte) 0) : -1;
            if (valueEnd < 0 || valueEnd == nameEnd + 1) {
                return optionsProblem("option '" + printable(name) + "' without a value");
            }
            if (options.put(name, text(datagram, nameEnd + 1, valueEnd)) != null) {
                return optionsProblem("option '" + printable(name) + "' given twice");
            }
            if (options.size() > MAX_OPTIONS) {
                return optionsProblem("more than " + MAX_OPTIONS + " options");
            }
            index = valueEnd + 1;
        }
        return new ParsedOptions(options, null);
    }

    private static ParsedOptions optionsProblem(String reason) {
        return new ParsedOptions(null, reason);
    }

    private static ByteBuf encodeRequest(TftpOpcode opcode, String filename, TftpMode mode,
                                         Map<String, String> options, ByteBufAllocator allocator) {
        ByteBuf out = allocator.directBuffer(64 + filename.length() * 3);
        out.writeShort(opcode.code());
        writeString(filename, out);
        writeString(mode.wireName(), out);
        writeOptions(options, out);
        return out;
    }

    private static void writeOptions(Map<String, String> options, ByteBuf out) {
        options.forEach((name, value) -> {
            writeString(name, out);
            writeString(value, out);
        });
    }

    private static void writeString(String text, ByteBuf out) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8)).writeByte(0);
    }

    private static String text(ByteBuf datagram, int from, int to) {
        return datagram.toString(from, to - from, StandardCharsets.UTF_8);
    }

    /** Hostile bytes made safe for a log line. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 64));
        text.codePoints().limit(64).forEach(c -> out.appendCodePoint(c < 0x20 || c == 0x7f ? '?' : c));
        return out.toString();
    }

    private static TftpDecoding packet(TftpPacket packet) {
        return new TftpDecoding.Packet(packet);
    }

    private static TftpDecoding malformed(String reason) {
        return new TftpDecoding.Malformed(reason);
    }
}
