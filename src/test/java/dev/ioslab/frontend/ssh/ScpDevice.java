package dev.ioslab.frontend.ssh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import dev.ioslab.cli.DeviceShell;
import dev.ioslab.commands.CommandSets;
import dev.ioslab.device.Device;
import dev.ioslab.device.Platform;
import dev.ioslab.fs.FileEntry;
import dev.ioslab.fs.FileSystemTable;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.FsPath;
import dev.ioslab.fs.IosFileSystem;
import dev.ioslab.fs.SpaceUsage;
import dev.ioslab.fs.WriteChannelOpener;
import dev.ioslab.image.KeyStorage;
import dev.ioslab.image.SoftwareAuthenticity;

/**
 * A real device ({@code R1}, C3900 with a small {@code flash0:} of {@link #FLASH_BYTES}) with the real CLI behind a
 * real {@link SshServerFrontend} on 127.0.0.1, port 0, serving SCP through {@link ScpExecHandler}. Users:
 * {@code admin}/{@code admin} at privilege 15 and {@code guest}/{@code guest} at privilege 1;
 * {@code ip scp server enable} is configured.
 */
final class ScpDevice implements AutoCloseable {

    static final long FLASH_BYTES = 16L * 1024 * 1024;

    private final Device device;
    private final DeviceShell shell;
    private final SshBackend backend;
    private final SshServerFrontend frontend;
    private final InetSocketAddress address;
    private volatile BiFunction<FsPath, FileChannel, ReadableByteChannel> sources = (file, opened) -> opened;

    ScpDevice(Path dir) throws IOException {
        this(dir, WriteChannelOpener.HOST);
    }

    /** A device whose file systems get their write channels from {@code storage} (the storage-fault seam). */
    ScpDevice(Path dir, WriteChannelOpener storage) throws IOException {
        Platform c3900 = Platform.c3900("FGL161010K8");
        Platform small = new Platform(c3900.family(), c3900.model(), c3900.cpuBoard(), c3900.mainMemoryKb(),
                c3900.ioMemoryKb(), c3900.serial(), c3900.romVersion(), c3900.nvramBytes(),
                c3900.physicalInterfaces(), Map.of("flash0", FLASH_BYTES), c3900.defaultImage());
        device = new Device("R1", small, dir.resolve("R1"), Clock.systemUTC(),
                new SoftwareAuthenticity(KeyStorage.open(dir.resolve("R1").resolve("keys"), List.of())), storage);
        Executor inline = Runnable::run;
        shell = new DeviceShell(device, CommandSets.standard(inline));
        configure("hostname R1\nusername admin privilege 15 secret admin\nusername guest privilege 1 secret guest\n"
                + "ip scp server enable\nline vty 0 4\n login local\n");
        backend = new SshBackend(2);
        ScpTarget target = new ScpTarget() {
            @Override
            public String deviceName() {
                return device.name();
            }

            @Override
            public boolean scpEnabled() {
                return device.config().scpServer();
            }

            @Override
            public FileSystemTable fileSystems() {
                return device.fileSystems();
            }

            @Override
            public int sessionPrivilege(int loginPrivilege) {
                return device.config().vtySettings(0).sessionPrivilege(loginPrivilege);
            }

            @Override
            public ReadableByteChannel source(FsPath file, FileChannel opened) {
                return sources.apply(file, opened);
            }
        };
        frontend = new SshServerFrontend(shell, new InetSocketAddress("127.0.0.1", 0), dir.resolve("host_key"),
                backend, SshSettings.defaults(), List.of(new ScpExecHandler(target)));
        address = frontend.start();
    }

    /** From now on, files SCP sends are read through {@code sources} (the read-fault seam). */
    void readThrough(BiFunction<FsPath, FileChannel, ReadableByteChannel> sources) {
        this.sources = sources;
    }

    /** Replays configuration lines; fails on any complaint of the parser. */
    void configure(String lines) {
        String problems = shell.replayConfig(lines);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("configuration refused: " + problems);
        }
    }

    InetSocketAddress address() {
        return address;
    }

    Device device() {
        return device;
    }

    IosFileSystem flash() {
        return device.fileSystems().defaultFileSystem();
    }

    /** Names in {@code flash0:/}, as {@code dir} lists them. */
    List<String> flashNames() throws FsException {
        IosFileSystem flash = flash();
        return flash.list(flash.root()).stream().map(FileEntry::name).toList();
    }

    SpaceUsage flashSpace() throws FsException {
        return flash().space();
    }

    /** Every host file under the device's flash0 folder, hidden temp files included. */
    List<String> hostFiles() throws IOException {
        device.fileSystems();
        Path folder = device.stateDir().resolve("flash0");
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }

    /** Waits until the server has released every reservation (an aborted transfer finishes on its own thread). */
    void awaitNoWriteInFlight(Duration limit) throws FsException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (flashSpace().reserved() != 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("a write is still in flight: " + flashSpace());
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        frontend.close();
        backend.close();
    }
}
