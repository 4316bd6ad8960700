package dev.ioslab.transfer.tftp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A UDP relay between one TFTP client and one server that drops, duplicates, delays and reorders a share of the
 * datagrams each way. Every transfer ID the server uses gets its own relay port, so the client sees the server's
 * ports as they are (a second transfer the server starts for a repeated request shows up as a second port).
 */
public final class LossyUdpRelay implements AutoCloseable {

    private final InetSocketAddress server;
    private final double share;
    private final Random random;
    private final DatagramSocket front;
    private final DatagramSocket upstream;
    private final Map<InetSocketAddress, DatagramSocket> fronts = new ConcurrentHashMap<>();
    private final List<Thread> readers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor();
    private volatile InetSocketAddress client;
    private volatile boolean closed;

    /** Relays to {@code server}, disturbing each kind (drop, duplicate, delay, reorder) with {@code share}. */
    public LossyUdpRelay(InetSocketAddress server, double share, long seed) throws IOException {
        this.server = server;
        this.share = share;
        this.random = new Random(seed);
        front = bind();
        upstream = bind();
        read(front, packet -> {
            client = (InetSocketAddress) packet.getSocketAddress();
            forward(upstream, packet, this.server);
        });
        read(upstream, packet -> {
            InetSocketAddress tid = (InetSocketAddress) packet.getSocketAddress();
            DatagramSocket relay = fronts.computeIfAbsent(tid, this::frontFor);
            if (relay != null && client != null) {
                forward(relay, packet, client);
            }
        });
    }

    /** Where the client sends its requests. */
    public InetSocketAddress address() {
        return (InetSocketAddress) front.getLocalSocketAddress();
    }

    private DatagramSocket frontFor(InetSocketAddress tid) {
        try {
            DatagramSocket relay = bind();
            read(relay, packet -> forward(upstream, packet, tid));
            return relay;
        } catch (IOException failed) {
            return null;
        }
    }

    private static DatagramSocket bind() throws SocketException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setReceiveBufferSize(1 << 20);
        return socket;
    }

    private interface Receiver {
        void accept(DatagramPacket packet);
    }

    private void read(DatagramSocket socket, Receiver receiver) {
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[TftpCodec.MAX_DATAGRAM + 1];
            while (!closed) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (IOException stopped) {
                    return;
                }
                receiver.accept(packet);
            }
        }, "lossy-relay");
        reader.setDaemon(true);
        readers.add(reader);
        reader.start();
    }

    private void forward(DatagramSocket out, DatagramPacket packet, InetSocketAddress to) {
        byte[] bytes = Arrays.copyOfRange(packet.getData(), packet.getOffset(), packet.getOffset()
                + packet.getLength());
        double roll;
        synchronized (random) {
            roll = random.nextDouble();
        }
        if (roll < share) {
            return;
        }
        if (roll < 2 * share) {
            send(out, bytes, to);
            send(out, bytes, to);
        } else if (roll < 3 * share) {
            delays.schedule(() -> send(out, bytes, to), 30, TimeUnit.MILLISECONDS);
        } else if (roll < 4 * share) {
            // Reordering: held back just long enough for the next datagrams to overtake it.
            delays.schedule(() -> send(out, bytes, to), 3, TimeUnit.MILLISECONDS);
        } else {
            send(out, bytes, to);
        }
    }

    private void send(DatagramSocket out, byte[] bytes, InetSocketAddress to) {
        try {
            out.send(new DatagramPacket(bytes, bytes.length, to));
        } catch (IOException lost) {
            // a relay loses datagrams anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        delays.shutdownNow();
        front.close();
        upstream.close();
        fronts.values().forEach(DatagramSocket::close);
    }
}
