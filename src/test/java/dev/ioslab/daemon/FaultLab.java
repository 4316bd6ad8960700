package dev.ioslab.daemon;

import dev.ioslab.config.ControlSettings;
import dev.ioslab.config.TransferDefaults;
import dev.ioslab.testing.SshShell;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The rack the fault tests drive: one device r1 with {@code file prompt quiet}, its fault routes, and a random lab
 * image ({@code lab.bin}) in the embedded FTP/TFTP repository. {@link #freshSession} removes every fault and the copied
 * image, then logs in over SSH.
 */
final class FaultLab implements AutoCloseable {

    final RackFixture rack;
    final FaultApi faults;
    final byte[] image;
    final Path flash0;
    final String ftp;
    final String tftp;

    FaultLab(Path dir, int imageBytes, long seed, TransferDefaults transfers) throws Exception {
        Path images = Files.createDirectories(dir.resolve("var/images"));
        image = new byte[imageBytes];
        new Random(seed).nextBytes(image);
        Files.write(images.resolve("lab.bin"), image);
        rack = new RackFixture(dir.resolve("var"), 1, true, transfers, ControlSettings.DISABLED);
        faults = new FaultApi(rack);
        flash0 = dir.resolve("var/devices/r1/flash0");
        ftp = "ftp://127.0.0.1:" + rack.repositoryPort("ftp") + "/lab.bin";
        tftp = "tftp://127.0.0.1:" + rack.repositoryPort("tftp") + "/lab.bin";
        rack.daemon.devices().get(0).replayConfig("file prompt quiet\n");
        // r1 in use: its folders exist (a fresh device creates them at first use), so the tests can list flash0.
        rack.daemon.devices().get(0).device().fileSystems();
    }

    /** No faults, no copied image, a new SSH session on r1 (checks the event stream of the faults it removes). */
    SshShell freshSession() throws Exception {
        faults.reset();
        Files.deleteIfExists(flash0.resolve("lab.bin"));
        return SshShell.open(new InetSocketAddress("127.0.0.1", rack.port("r1", "ssh")), "admin", "admin");
    }

    /** The names in r1's flash0 folder, sorted; the index of file numbers (written at the first listing) is left out. */
    List<String> flashFiles() throws Exception {
        try (Stream<Path> files = Files.list(flash0)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> !name.equals(".ioslab-index")).sorted()
                    .toList();
        }
    }

    @Override
    public void close() {
        rack.close();
    }
}
