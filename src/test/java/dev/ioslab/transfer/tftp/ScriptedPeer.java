package dev.ioslab.transfer.tftp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/**
 * One UDP socket on 127.0.0.1 that a test drives by hand to play a TFTP server (or a stranger), packet by packet.
 * Blocking, for the test thread only.
 */
final class ScriptedPeer implements AutoCloseable {

    private final DatagramSocket socket;
    private InetSocketAddress lastSender;

    ScriptedPeer() throws IOException {
        this(0);
    }

    /** A peer on {@code port} of 127.0.0.1 (0: any free port). */
    ScriptedPeer(int port) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        socket.setSoTimeout(5_000);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Who sent the last packet received. */
    InetSocketAddress lastSender() {
        return lastSender;
    }

    /** The next packet (a DATA's content is copied to the heap, nothing to release); fails after 5 s. */
    TftpPacket receive() throws IOException {
        byte[] buffer = new byte[TftpCodec.MAX_DATAGRAM + 1];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        socket.receive(datagram);
        lastSender = (InetSocketAddress) datagram.getSocketAddress();
        TftpDecoding decoding = TftpCodec.decode(Unpooled.wrappedBuffer(buffer, 0, datagram.getLength()));
        if (decoding instanceof TftpDecoding.Malformed malformed) {
            throw new IOException("client sent a malformed packet: " + malformed.reason());
        }
        TftpPacket packet = ((TftpDecoding.Packet) decoding).packet();
        if (packet instanceof TftpPacket.Data data) {
            byte[] copy = new byte[data.content().readableBytes()];
            data.content().readBytes(copy);
            data.content().release();
            return new TftpPacket.Data(data.block(), Unpooled.wrappedBuffer(copy));
        }
        return packet;
    }

    /** The next packet, or null when none comes within {@code millis}. */
    TftpPacket receiveWithin(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            return receive();
        } catch (SocketTimeoutException none) {
            return null;
        } finally {
            socket.setSoTimeout(5_000);
        }
    }

    void send(TftpPacket packet, SocketAddress to) throws IOException {
        ByteBuf wire = TftpCodec.encode(packet, ByteBufAllocator.DEFAULT);
        try {
            byte[] bytes = new byte[wire.readableBytes()];
            wire.getBytes(wire.readerIndex(), bytes);
            sendRaw(bytes, to);
        } finally {
            wire.release();
        }
    }

    void sendRaw(byte[] bytes, SocketAddress to) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, to));
    }

    /** DATA {@code block} carrying {@code bytes[from, from + length)}. */
    static TftpPacket.Data data(int block, byte[] bytes, int from, int length) {
        return new TftpPacket.Data(block, Unpooled.wrappedBuffer(Arrays.copyOfRange(bytes, from, from + length)));
    }

    @Override
    public void close() {
        socket.close();
    }
}
