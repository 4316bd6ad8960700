package dev.ioslab.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.device.Device;
import dev.ioslab.device.DeviceEvent;
import dev.ioslab.device.DeviceEvents;
import dev.ioslab.device.Platform;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A follow stream's replay of the ring over a real connection, read by a client that keeps up. */
class EventStreamReplayTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-04T23:00:00.123Z"), ZoneOffset.UTC);
    private final EventLoopGroup loops = new NioEventLoopGroup(1);
    private final ExecutorService replay = Executors.newSingleThreadExecutor();
    private ControlServer server;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        replay.shutdownNow();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    @Test
    void aReaderThatKeepsUpGetsTheWholeBacklogOfItsFollowStream() throws Exception {
        EventLog log = new EventLog(clock, EventLog.DEFAULT_CAPACITY);
        Device r1 = new Device("r1", Platform.c3900("FGL161010AB"), dir.resolve("r1"), clock);
        Routes api = new Routes();
        new EventRoutes(log, ListedRack.of(r1), replay).register(api);
        DeviceEvents events = log.forDevice("r1");
        int backlog = EventLog.DEFAULT_CAPACITY;
        for (int i = 1; i <= backlog; i++) {
            events.publish(new DeviceEvent.CommandEntered("show interfaces GigabitEthernet0/" + i, "exec", 15,
                    "admin", 0));
        }
        server = new ControlServer(new InetSocketAddress("127.0.0.1", 0), Optional.empty(), api, new Routes(),
                loops, loops);
        InetSocketAddress address = server.start().get(10, TimeUnit.SECONDS);

        java.util.BitSet replayed = new java.util.BitSet();
        try (Socket socket = new Socket("127.0.0.1", address.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET /api/v1/devices/r1/events?follow=true&since=0 HTTP/1.1\r\n"
                    + "Host: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8), 1 << 16);
            boolean streaming = false;
            while (true) {
                if (streaming && !in.ready()) {
                    // Nothing waiting to be read: a live event that ends this test once the stream delivers it.
                    events.publish(new DeviceEvent.CommandEntered("end", "exec", 15, "admin", 0));
                }
                String line = in.readLine();
                assertThat(line).as("stream still open").isNotNull();
                if (line.startsWith("{\"seq\":")) {
                    streaming = true;
                    if (line.contains("\"line\":\"end\"")) {
                        break;
                    }
                    replayed.set(Integer.parseInt(line.substring(7, line.indexOf(','))));
                }
            }
        }

        assertThat(replayed.cardinality()).as("every event of the backlog arrived, none dropped")
                .isEqualTo(backlog);
        assertThat(replayed.nextSetBit(0)).isEqualTo(1);
        assertThat(replayed.length() - 1).isEqualTo(backlog);
    }
}
