package dev.ioslab.frontend.telnet;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames a Telnet byte stream into {@link TelnetMessage}s (RFC 854, RFC 855).
 *
 * <p>The decoder is a byte-at-a-time state machine whose state survives between reads, so a sequence split across
 * TCP segments at any byte decodes exactly as if it had arrived whole. Malformed input never fails the channel:
 * {@code IAC} followed by a byte that is no command is dropped, a subnegotiation interrupted by another command is
 * dropped and the command is honoured, and a subnegotiation longer than the bound is discarded up to its
 * {@code IAC SE} without buffering it. One instance per channel; used only on that channel's event loop.
 */
public final class TelnetDecoder extends MessageToMessageDecoder<ByteBuf> {

    /** Ample for NAWS (4 bytes, 8 doubled) and TTYPE IS (RFC 1091: names are at most 40 characters). */
    public static final int DEFAULT_MAX_SUBNEGOTIATION_LENGTH = 256;

    private static final Logger LOG = LoggerFactory.getLogger(TelnetDecoder.class);
    private static final int IAC = TelnetCommand.IAC.code();

    private enum State {
        DATA,
        AFTER_IAC,
        NEGOTIATION_OPTION,
        SUBNEGOTIATION_OPTION,
        SUBNEGOTIATION_PARAMETERS,
        SUBNEGOTIATION_IAC,
        OVERSIZED_SUBNEGOTIATION,
        OVERSIZED_SUBNEGOTIATION_IAC
    }

    private final int maxSubnegotiationLength;
    private final ByteArrayOutputStream parameters = new ByteArrayOutputStream();
    private State state = State.DATA;
    private TelnetCommand verb;
    private int subnegotiationOption;
    /**
     * Data bytes of the read being decoded. Sized for that read and dropped after it, so an idle connection keeps no
     * buffer however large its last read was.
     */
    private byte[] data;
    private int dataLength;

    /** A decoder with {@link #DEFAULT_MAX_SUBNEGOTIATION_LENGTH}. */
    public TelnetDecoder() {
        this(DEFAULT_MAX_SUBNEGOTIATION_LENGTH);
    }

    /** A decoder that discards subnegotiations whose unescaped parameters exceed {@code maxSubnegotiationLength}. */
    public TelnetDecoder(int maxSubnegotiationLength) {
        if (maxSubnegotiationLength < 1) {
            throw new IllegalArgumentException("maxSubnegotiationLength must be positive: " + maxSubnegotiationLength);
        }
        this.maxSubnegotiationLength = maxSubnegotiationLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        data = new byte[in.readableBytes()];
        dataLength = 0;
        while (in.isReadable()) {
            int b = in.readUnsignedByte();
            switch (state) {
                case DATA -> onData(b);
                case AFTER_IAC -> onAfterIac(b, out);
                case NEGOTIATION_OPTION -> onNegotiationOption(b, out);
                case SUBNEGOTIATION_OPTION -> onSubnegotiationOption(b);
                case SUBNEGOTIATION_PARAMETERS -> onSubnegotiationParameter(b);
                case SUBNEGOTIATION_IAC -> onSubnegotiationIac(b, out);
                case OVERSIZED_SUBNEGOTIATION -> onOversizedSubnegotiation(b);
                case OVERSIZED_SUBNEGOTIATION_IAC -> onOversizedSubnegotiationIac(b, out);
                default -> throw new IllegalStateException("unhandled decoder state " + state);
            }
        }
        flushData(out);
        data = null;
    }

    private void onData(int b) {
        if (b == IAC) {
            state = State.AFTER_IAC;
        } else {
            data[dataLength++] = (byte) b;
        }
    }

    private void onAfterIac(int b, List<Object> out) {
        Optional<TelnetCommand> command = TelnetCommand.fromCode(b);
        if (command.isEmpty()) {
            // RFC 854 defines no meaning for IAC followed by a non-command byte; drop both rather than guess.
            LOG.debug("Dropping IAC followed by unknown command byte {}", b);
            state = State.DATA;
            return;
        }
        TelnetCommand c = command.get();
        if (c == TelnetCommand.IAC) {
            data[dataLength++] = (byte) IAC;
            state = State.DATA;
        } else if (c.isNegotiation()) {
            verb = c;
            state = State.NEGOTIATION_OPTION;
        } else if (c == TelnetCommand.SB) {
            state = State.SUBNEGOTIATION_OPTION;
        } else if (c == TelnetCommand.SE) {
            LOG.debug("Dropping IAC SE outside a subnegotiation");
            state = State.DATA;
        } else {
            flushData(out);
            out.add(new TelnetMessage.Command(c));
            state = State.DATA;
        }
    }

    private void onNegotiationOption(int b, List<Object> out) {
        flushData(out);
        out.add(new TelnetMessage.Negotiation(verb, b));
        verb = null;
        state = State.DATA;
    }

    private void onSubnegotiationOption(int b) {
        subnegotiationOption = b;
        parameters.reset();
        state = State.SUBNEGOTIATION_PARAMETERS;
    }

    private void onSubnegotiationParameter(int b) {
        if (b == IAC) {
            state = State.SUBNEGOTIATION_IAC;
        } else {
            appendParameter(b);
        }
    }

    private void onSubnegotiationIac(int b, List<Object> out) {
        if (b == TelnetCommand.SE.code()) {
            flushData(out);
            out.add(new TelnetMessage.Subnegotiation(subnegotiationOption, parameters.toByteArray()));
            parameters.reset();
            state = State.DATA;
        } else if (b == IAC) {
            // RFC 855: a 255 inside subnegotiation parameters is sent doubled.
            state = State.SUBNEGOTIATION_PARAMETERS;
            appendParameter(b);
        } else {
            LOG.debug("Dropping subnegotiation of {} interrupted by IAC {}",
                    TelnetOption.describe(subnegotiationOption), b);
            parameters.reset();
            onAfterIac(b, out);
        }
    }

    private void appendParameter(int b) {
        if (parameters.size() >= maxSubnegotiationLength) {
            LOG.debug("Discarding subnegotiation of {} longer than {} bytes",
                    TelnetOption.describe(subnegotiationOption), maxSubnegotiationLength);
            parameters.reset();
            state = State.OVERSIZED_SUBNEGOTIATION;
            return;
        }
        parameters.write(b);
    }

    private void onOversizedSubnegotiation(int b) {
        if (b == IAC) {
            state = State.OVERSIZED_SUBNEGOTIATION_IAC;
        }
    }

    private void onOversizedSubnegotiationIac(int b, List<Object> out) {
        if (b == TelnetCommand.SE.code()) {
            state = State.DATA;
        } else if (b == IAC) {
            state = State.OVERSIZED_SUBNEGOTIATION;
        } else {
            onAfterIac(b, out);
        }
    }

    private void flushData(List<Object> out) {
        if (dataLength > 0) {
            out.add(new TelnetMessage.Data(Arrays.copyOf(data, dataLength)));
            dataLength = 0;
        }
    }
}
