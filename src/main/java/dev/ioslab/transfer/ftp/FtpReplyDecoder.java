package dev.ioslab.transfer.ftp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Frames the control connection's bytes into {@link FtpReply}s (RFC 959 §4.2).
 *
 * <p>A line ends at LF (a CR before it is dropped, a bare LF is tolerated). A reply starts with a line of three
 * digits, the first 1..5 and the second 0..5, followed by a space, a hyphen or nothing; a hyphen opens a multi-line
 * reply that ends at the first line starting with the same code and a space. Lines are bounded in length and replies
 * in line count: nothing here buffers more than one line and one reply, however much a server sends. A malformed or
 * oversized reply raises a {@link DecoderException} ({@link CorruptedFrameException} or
 * {@link TooLongFrameException}) once, through the pipeline's {@code exceptionCaught}; every byte after it is
 * discarded. Text is decoded as UTF-8 (RFC 2640) with replacement. One instance per channel, used on its event loop.
 */
final class FtpReplyDecoder extends ByteToMessageDecoder {

    /** Far above any real reply line, far below anything that could hurt. */
    static final int DEFAULT_MAX_LINE_LENGTH = 8 * 1024;
    /** Banners and FEAT lists run to a few dozen lines; this bounds a reply to 1 MiB with the line bound. */
    static final int DEFAULT_MAX_LINES = 128;

    private static final int CODE_LENGTH = 3;
    private static final int SHOWN_PREFIX = 40;

    private final int maxLineLength;
    private final int maxLines;
    private final List<String> lines = new ArrayList<>();
    /** The code of the multi-line reply being read, or -1 between replies. */
    private int openCode = -1;
    private boolean failed;

    FtpReplyDecoder() {
        this(DEFAULT_MAX_LINE_LENGTH, DEFAULT_MAX_LINES);
    }

    FtpReplyDecoder(int maxLineLength, int maxLines) {
        if (maxLineLength < CODE_LENGTH + 1 || maxLines < 2) {
            throw new IllegalArgumentException("bounds too small: " + maxLineLength + " bytes, " + maxLines + " lines");
        }
        this.maxLineLength = maxLineLength;
        this.maxLines = maxLines;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        while (in.isReadable()) {
            int start = in.readerIndex();
            // The line, its CR and its LF must all sit within this window; a longer line fails without being kept.
            int window = Math.min(in.readableBytes(), maxLineLength + 2);
            int lf = in.indexOf(start, start + window, (byte) '\n');
            if (lf < 0) {
                if (in.readableBytes() >= maxLineLength + 2) {
                    throw failure(in, new TooLongFrameException("FTP reply line longer than " + maxLineLength
                            + " bytes"));
                }
                return;
            }
            int end = lf > start && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
            if (end - start > maxLineLength) {
                throw failure(in, new TooLongFrameException("FTP reply line longer than " + maxLineLength
                        + " bytes"));
            }
            String line = in.toString(start, end - start, StandardCharsets.UTF_8);
            in.readerIndex(lf + 1);
            onLine(line, in, out);
        }
    }

    private void onLine(String line, ByteBuf in, List<Object> out) {
        if (openCode < 0) {
            int code = codeOf(line);
            if (code < 0 || !(line.length() == CODE_LENGTH || line.charAt(CODE_LENGTH) == ' '
                    || line.charAt(CODE_LENGTH) == '-')) {
                throw failure(in, new CorruptedFrameException("malformed FTP reply line: " + shown(line)));
            }
            String text = line.length() == CODE_LENGTH ? "" : line.substring(CODE_LENGTH + 1);
            if (line.length() > CODE_LENGTH && line.charAt(CODE_LENGTH) == '-') {
                openCode = code;
                lines.add(text);
            } else {
                out.add(FtpReply.of(code, text));
            }
            return;
        }
        if (lines.size() + 1 >= maxLines && !closes(line)) {
            throw failure(in, new TooLongFrameException("FTP reply " + openCode + " longer than " + maxLines
                    + " lines"));
        }
        if (closes(line)) {
            lines.add(line.length() == CODE_LENGTH ? "" : line.substring(CODE_LENGTH + 1));
            out.add(new FtpReply(openCode, lines));
            lines.clear();
            openCode = -1;
        } else {
            // RFC 959 §4.2: lines between the first and the last are free text, even when they start with digits.
            lines.add(line);
        }
    }

    /** RFC 959 §4.2: the last line of a multi-line reply is the same code followed immediately by a space. */
    private boolean closes(String line) {
        return codeOf(line) == openCode && (line.length() == CODE_LENGTH || line.charAt(CODE_LENGTH) == ' ');
    }

    /** The reply code a line starts with, or -1 when it does not start with a valid one (RFC 959 §4.2.1). */
    private static int codeOf(String line) {
        if (line.length() < CODE_LENGTH) {
            return -1;
        }
        char first = line.charAt(0);
        char second = line.charAt(1);
        char third = line.charAt(2);
        if (first < '1' || first > '5' || second < '0' || second > '5' || third < '0' || third > '9') {
            return -1;
        }
        return (first - '0') * 100 + (second - '0') * 10 + (third - '0');
    }

    private DecoderException failure(ByteBuf in, DecoderException cause) {
        failed = true;
        lines.clear();
        in.skipBytes(in.readableBytes());
        return cause;
    }

    private static String shown(String line) {
        String cut = line.length() <= SHOWN_PREFIX ? line : line.substring(0, SHOWN_PREFIX) + "...";
        return '"' + cut.replaceAll("\\p{Cntrl}", "?") + '"';
    }
}
