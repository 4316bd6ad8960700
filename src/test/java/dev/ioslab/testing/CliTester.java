package dev.ioslab.testing;

import dev.ioslab.cli.CliSession;
import dev.ioslab.cli.CommandCatalog;
import dev.ioslab.cli.DeviceShell;
import dev.ioslab.cli.SessionInfo;
import dev.ioslab.commands.CommandSets;
import dev.ioslab.device.Device;
import dev.ioslab.device.Platform;
import dev.ioslab.fs.WriteChannelOpener;
import dev.ioslab.image.KeyStorage;
import dev.ioslab.image.SoftwareAuthenticity;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Drives one CLI session of a fresh device with a keystroke script and returns what the device wrote, so tests
 * read like transcripts. The device is a C3900 named {@code R1} with user admin/admin at privilege 15 and
 * {@code enable secret cisco}; blocking file work runs inline so every command completes before {@link #type}
 * returns.
 */
public final class CliTester {

    public static final Instant EPOCH = Instant.parse("2026-11-27T10:00:00Z");

    private final Device device;
    private final DeviceShell shell;
    private final CommandCatalog catalog;
    private final FakeTerminal terminal = new FakeTerminal();
    private final CliSession session;
    private final MutableClock clock;

    private CliTester(Path stateDir, int privilege, String transport) {
        this(stateDir, privilege, transport, Runnable::run);
    }

    private CliTester(Path stateDir, int privilege, String transport, Executor fileIo) {
        this(stateDir, privilege, transport, CommandSets.standard(fileIo));
    }

    private CliTester(Path stateDir, int privilege, String transport, CommandCatalog catalog) {
        this(stateDir, privilege, transport, catalog, WriteChannelOpener.HOST);
    }

    private CliTester(Path stateDir, int privilege, String transport, CommandCatalog catalog,
                      WriteChannelOpener storage) {
        this.clock = new MutableClock(EPOCH);
        this.catalog = catalog;
        try {
            this.device = new Device("R1", Platform.c3900("FGL161010K8"), stateDir, clock,
                    new SoftwareAuthenticity(KeyStorage.open(stateDir.resolve("keys"), List.of()),
                            stateDir.resolve("state")), storage);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        this.shell = new DeviceShell(device, catalog);
        shell.replayConfig("hostname R1\nusername admin privilege 15 secret admin\nenable secret cisco\n"
                + "line vty 0 4\n login local\n");
        SessionInfo info = new SessionInfo("admin", privilege, transport,
                new InetSocketAddress("127.0.0.1", 50000), "vt100", 80, 24);
        this.session = (CliSession) shell.openShell(info, terminal);
        session.start();
        terminal.take();
    }

    /** A session at privilege 15 (prompt {@code R1#}). */
    public static CliTester privileged(Path stateDir) {
        return new CliTester(stateDir, 15, "ssh");
    }

    /**
     * A session at privilege 15 whose blocking file work ({@code write memory}, {@code copy}) runs on {@code fileIo},
     * so a test can hold a command in flight and type ahead meanwhile.
     */
    public static CliTester privileged(Path stateDir, Executor fileIo) {
        return new CliTester(stateDir, 15, "ssh", fileIo);
    }

    /** A session at privilege 15 on a device whose commands come from {@code catalog} (remote transfers, say). */
    public static CliTester privileged(Path stateDir, CommandCatalog catalog) {
        return new CliTester(stateDir, 15, "ssh", catalog);
    }

    /** A session at privilege 15 on a device whose file writes get their host channels from {@code storage}. */
    public static CliTester privileged(Path stateDir, WriteChannelOpener storage) {
        return new CliTester(stateDir, 15, "ssh", CommandSets.standard(Runnable::run), storage);
    }

    /** A session at privilege 15 with the commands of {@code catalog} and file writes through {@code storage}. */
    public static CliTester privileged(Path stateDir, CommandCatalog catalog, WriteChannelOpener storage) {
        return new CliTester(stateDir, 15, "ssh", catalog, storage);
    }

    /** A session at privilege 1 (prompt {@code R1>}). */
    public static CliTester user(Path stateDir) {
        return new CliTester(stateDir, 1, "ssh");
    }

    /** Types a script (see {@code dev.ioslab.cli.edit.Keystrokes}) and returns what the device wrote back. */
    public String type(String script) {
        byte[] bytes = dev.ioslab.cli.edit.Keystrokes.of(script);
        session.receive(bytes, 0, bytes.length);
        return terminal.take();
    }

    /** Types raw bytes. */
    public String raw(byte[] bytes) {
        session.receive(bytes, 0, bytes.length);
        return terminal.take();
    }

    /** Types text as-is (ISO-8859-1), no key names. */
    public String text(String text) {
        return raw(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Types text as-is and waits (bounded) until the device has written {@code until}, for commands that finish on
     * other threads (remote transfers); returns everything written since the text was typed.
     */
    public String awaitText(String text, String until, long millis) throws InterruptedException {
        terminal.take();
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        session.receive(bytes, 0, bytes.length);
        terminal.awaitContains(until, millis);
        return terminal.take();
    }

    public Device device() {
        return device;
    }

    /** Opens another session on the same device (a second vty), as a second SSH login would. */
    public Peer openPeer(String user, int privilege, String remoteAddress) {
        FakeTerminal peerTerminal = new FakeTerminal();
        SessionInfo info = new SessionInfo(user, privilege, "telnet", new InetSocketAddress(remoteAddress, 50001),
                "vt100", 80, 24);
        CliSession peerSession = (CliSession) shell.openShell(info, peerTerminal);
        peerSession.start();
        return new Peer(peerSession, peerTerminal, peerTerminal.take());
    }

    /** A further session on the same device. */
    public static final class Peer {
        private final CliSession session;
        private final FakeTerminal terminal;
        private final String greeting;

        Peer(CliSession session, FakeTerminal terminal, String greeting) {
            this.session = session;
            this.terminal = terminal;
            this.greeting = greeting;
        }

        /** What the session wrote when it started: the banner, if any, and the first prompt. */
        public String greeting() {
            return greeting;
        }

        /** Types text as-is (ISO-8859-1) and returns what the device wrote back. */
        public String text(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            session.receive(bytes, 0, bytes.length);
            return terminal.take();
        }

        /** Whether the session closed its terminal ({@code exit}, {@code logout}). */
        public boolean isClosed() {
            return terminal.isClosed();
        }

        /** Ends the session as a dropped connection does. */
        public void disconnect() {
            session.disconnected();
        }
    }

    public DeviceShell shell() {
        return shell;
    }

    public CliSession session() {
        return session;
    }

    public FakeTerminal terminal() {
        return terminal;
    }

    public MutableClock clock() {
        return clock;
    }

    /** A clock at {@code start} that tests move by hand. */
    public static MutableClock clockAt(Instant start) {
        return new MutableClock(start);
    }

    /** A clock tests move by hand. */
    public static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        public void advance(java.time.Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
