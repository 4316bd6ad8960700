package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.cli.CliSession;
import dev.ioslab.cli.CommandCatalog;
import dev.ioslab.cli.DeviceShell;
import dev.ioslab.cli.SessionInfo;
import dev.ioslab.commands.CommandSets;
import dev.ioslab.device.Device;
import dev.ioslab.device.Platform;
import dev.ioslab.fs.IosFileSystem;
import dev.ioslab.image.VerificationPool;
import dev.ioslab.testing.CliTester;
import dev.ioslab.testing.FakeTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyCommandTest {

    private static final String BYTES_COPIED = "\\d+ bytes copied in \\d+\\.\\d{3} secs \\(\\d+ bytes/sec\\)";

    @TempDir
    Path dir;

    private static byte[] read(CliTester t, String fs, String path) throws Exception {
        IosFileSystem f = FsFixture.fs(t, fs);
        try (InputStream in = f.openInputStream(f.resolve(path))) {
            return in.readAllBytes();
        }
    }

    /** Every host file under a file system's folder, hidden ones included, with its size. */
    private static Map<String, Long> snapshot(Path folder) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                if (!p.getFileName().toString().equals(".ioslab-index")) {
                    files.put(folder.relativize(p).toString(), Files.size(p));
                }
            }
        }
        return files;
    }

    @Test
    void localCopyAsksDestinationAndPrintsProgress() throws Exception {
        CliTester t = FsFixture.tester(dir);
        byte[] image = FsFixture.random(3 * ChunkPump.CHUNK + 5, 7);
        FsFixture.put(t, "flash0", "c3900.bin", image);
        assertThat(t.text("copy flash0:c3900.bin usbflash0:\r")).isEqualTo("copy flash0:c3900.bin usbflash0:\r\n"
                + "Destination filename [c3900.bin]? ");
        String out = t.text("\r");
        assertThat(out).matches("(?s)\r\nCopy in progress\\.\\.\\.CCCC\r\n3145733" + BYTES_COPIED.substring(3)
                + "\r\nR1#");
        assertThat(read(t, "usbflash0", "c3900.bin")).isEqualTo(image);
    }

    @Test
    void typedDestinationNameAndOverwriteQuestion() throws Exception {
        CliTester t = FsFixture.tester(dir);
        FsFixture.put(t, "flash0", "a.cfg", "new");
        FsFixture.put(t, "flash0", "b.cfg", "old");
        assertThat(t.text("copy flash0:a.cfg flash0:\r")).endsWith("Destination filename [a.cfg]? ");
        assertThat(t.text("b.cfg\r")).isEqualTo("b.cfg\r\n"
                + "%Warning:There is a file already existing with this name\r\n"
                + "Do you want to over write? [confirm]");
        assertThat(t.text("n")).isEqualTo("n\r\nR1#");
        assertThat(read(t, "flash0", "b.cfg")).isEqualTo("old".getBytes(StandardCharsets.US_ASCII));
        assertThat(t.text("copy flash0:a.cfg flash0:b.cfg\r\r")).endsWith("[confirm]");
        assertThat(t.text("\r")).matches("(?s)\r\nCopy in progress\\.\\.\\.C\r\n" + BYTES_COPIED + "\r\nR1#");
        assertThat(read(t, "flash0", "b.cfg")).isEqualTo("new".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void quietAsksNothing() throws Exception {
        CliTester t = FsFixture.tester(dir);
        FsFixture.put(t, "flash0", "a", "1");
        FsFixture.put(t, "usbflash0", "a", "2");
        t.text("configure terminal\r");
        t.text("file prompt quiet\r");
        t.text("end\r");
        assertThat(t.text("copy flash0:a usbflash0:a\r")).matches(
                "(?s)copy flash0:a usbflash0:a\r\nCopy in progress\\.\\.\\.C\r\n" + BYTES_COPIED + "\r\nR1#");
        assertThat(read(t, "usbflash0", "a")).isEqualTo("1".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void noisyAsksForTheSourceToo() throws Exception {
        CliTester t = FsFixture.tester(dir);
        FsFixture.put(t, "flash0", "a", "A");
        FsFixture.put(t, "flash0", "b", "B");
        t.text("configure terminal\r");
        t.text("file prompt noisy\r");
        t.text("end\r");
        assertThat(t.text("copy flash0:a usbflash0:\r")).endsWith("Source filename [a]? ");
        assertThat(t.text("b\r")).isEqualTo("b\r\nDestination filename [b]? ");
        assertThat(t.text("\r")).contains("Copy in progress...C");
        assertThat(read(t, "usbflash0", "b")).isEqualTo("B".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void missingSourceIsReportedAfterTheQuestion() {
        CliTester t = FsFixture.tester(dir);
        assertThat(t.text("copy flash0:nope.bin usbflash0:\r\r")).isEqualTo("copy flash0:nope.bin usbflash0:\r\n"
                + "Destination filename [nope.bin]? \r\n"
                + "%Error opening flash0:/nope.bin (No such file or directory)\r\nR1#");
    }

    @Test
    void outOfSpaceLeavesTheFileSystemExactlyAsBefore() throws Exception {
        CliTester t = FsFixture.tester(dir);
        FsFixture.put(t, "nvram", "startup-config", "hostname R1\n");
        FsFixture.put(t, "flash0", "big.bin", FsFixture.random(300_000, 8));
        Map<String, Long> before = snapshot(dir.resolve("nvram"));
        long usedBefore = FsFixture.fs(t, "nvram").space().used();
        assertThat(t.text("copy flash0:big.bin nvram:\r\r")).endsWith(
                "Destination filename [big.bin]? \r\n"
                        + "%Error copying flash0:/big.bin (Not enough space on device)\r\nR1#");
        assertThat(snapshot(dir.resolve("nvram"))).isEqualTo(before);
        assertThat(FsFixture.fs(t, "nvram").space().used()).isEqualTo(usedBefore);
        assertThat(FsFixture.fs(t, "nvram").space().reserved()).isZero();
    }

    @Test
    void traversalIsRefusedOnBothSides() throws Exception {
        CliTester t = FsFixture.tester(dir);
        assertThat(t.text("copy flash0:../../../etc/passwd flash0:x\r")).isEqualTo(
                "copy flash0:../../../etc/passwd flash0:x\r\n"
                        + "%Error opening flash0:../../../etc/passwd (Invalid argument)\r\nR1#");
        FsFixture.put(t, "flash0", "a", "1");
        assertThat(t.text("copy flash0:a flash0:../../x\r")).contains(
                "%Error opening flash0:../../x (Invalid argument)");
        assertThat(t.text("copy flash0:a flash0:\r../x\r")).contains("(Invalid argument)");
        assertThat(snapshot(dir.resolve("flash0"))).containsOnlyKeys("a");
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
    }

    @Test
    void remoteUrlsAreNotHandledYet() {
        CliTester t = FsFixture.tester(dir);
        assertThat(t.text("copy tftp://10.0.0.1/x flash0:\r")).isEqualTo("copy tftp://10.0.0.1/x flash0:\r\n"
                + "        ^\r\n% Invalid input detected at '^' marker.\r\n\r\nR1#");
    }

    @Test
    void runningConfigToStartupConfigKeepsIosText() throws Exception {
        CliTester t = FsFixture.tester(dir);
        assertThat(t.text("copy running-config startup-config\r")).isEqualTo(
                "copy running-config startup-config\r\nDestination filename [startup-config]? ");
        assertThat(t.text("\r")).isEqualTo("\r\nBuilding configuration...\r\n[OK]\r\nR1#");
        assertThat(new String(read(t, "nvram", "startup-config"), StandardCharsets.ISO_8859_1))
                .contains("hostname R1");
        // Ansible's save_when: the command and one more Enter in the same write.
        assertThat(t.text("copy run start\r\r")).endsWith("[OK]\r\nR1#");
        assertThat(t.text("copy system:running-config nvram:startup-config\r\r")).endsWith("[OK]\r\nR1#");
    }

    @Test
    void startupConfigIntoRunningConfigMerges() {
        CliTester t = FsFixture.tester(dir);
        FsFixture.put(t, "nvram", "startup-config", "hostname FROMNVRAM\n");
        String out = t.text("copy startup-config running-config\r\r");
        assertThat(out).matches("(?s)copy startup-config running-config\r\n"
                + "Destination filename \\[running-config\\]\\? \r\n\r\n" + BYTES_COPIED + "\r\nFROMNVRAM#");
    }

    @Test
    void fileIntoRunningConfigAndRunningConfigToFlash() throws Exception {
        CliTester t = FsFixture.tester(dir);
        FsFixture.put(t, "flash0", "r.cfg", "hostname FROMFLASH\n");
        assertThat(t.text("copy flash0:r.cfg running-config\r\r")).endsWith("\r\nFROMFLASH#");
        assertThat(t.text("copy running-config flash0:\r")).endsWith("Destination filename [running-config]? ");
        assertThat(t.text("\r")).contains("Copy in progress...C");
        assertThat(new String(read(t, "flash0", "running-config"), StandardCharsets.ISO_8859_1))
                .contains("hostname FROMFLASH");
    }

    @Test
    void copyVerifyAcceptsASignedImage() throws Exception {
        CliTester t = FsFixture.tester(dir);
        for (dev.ioslab.image.SoftwareKey k : dev.ioslab.testing.TestPki.lab().factoryKeys()) {
            t.device().softwareAuthenticity().keys().addKey(k);
        }
        FsFixture.put(t, "flash0", "img.bin", dev.ioslab.testing.TestPki.production(
                FsFixture.random(5 * ChunkPump.CHUNK, 9)));
        String out = VerifyCommandTest.run(t, "copy /verify flash0:img.bin usbflash0:\r\r");
        assertThat(out).contains("Copy in progress...CCCCCC\r\n")
                .contains("\r\nVerifying file integrity of usbflash0:/img.bin\r\nStarting image verification")
                .endsWith("Digital signature successfully verified in file usbflash0:/img.bin\r\nR1#");
        assertThat(read(t, "usbflash0", "img.bin")).isEqualTo(read(t, "flash0", "img.bin"));
    }

    @Test
    void copyVerifyRefusesAnUnsignedFileAndDeletesTheCopy() throws Exception {
        CliTester t = FsFixture.tester(dir);
        FsFixture.put(t, "flash0", "img.bin", FsFixture.random(5 * ChunkPump.CHUNK, 9));
        long free = FsFixture.fs(t, "usbflash0").space().free();
        String out = VerifyCommandTest.run(t, "copy /verify flash0:img.bin usbflash0:\r\r");
        assertThat(out).contains("Copy in progress...CCCCC\r\n")
                .contains("%ERROR: Not able to process Signature in usbflash0:/img.bin.\r\n%ERROR: Aborting copy.");
        assertThat(dir.resolve("usbflash0/img.bin")).doesNotExist();
        assertThat(FsFixture.fs(t, "usbflash0").space().free()).isEqualTo(free);
    }

    @Test
    void copyEraseEmptiesTheDestinationFirst() throws Exception {
        CliTester t = FsFixture.tester(dir);
        FsFixture.put(t, "flash0", "img.bin", "image");
        FsFixture.put(t, "usbflash0", "old.bin", "old");
        assertThat(t.text("copy /erase flash0:img.bin usbflash0:\r\r")).endsWith(
                "Erase usbflash0: before copying? [confirm]");
        assertThat(t.text("\r")).contains("Copy in progress...C");
        assertThat(snapshot(dir.resolve("usbflash0"))).containsOnlyKeys("img.bin");
    }

    @Test
    void sessionDroppedMidCopyLeavesNothing() throws Exception {
        ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        try (VerificationPool pool = new VerificationPool(1)) {
            CommandCatalog catalog = CommandSets.standard(tasks::add, pool);
            Device device = new Device("R1", Platform.c3900("FGL161010K8"), dir, Clock.systemUTC());
            DeviceShell shell = new DeviceShell(device, catalog);
            IosFileSystem flash = device.fileSystems().find("flash0").orElseThrow();
            try (var w = flash.beginWrite(flash.resolve("big.bin"))) {
                w.write(java.nio.ByteBuffer.wrap(FsFixture.random(6 * ChunkPump.CHUNK, 10)));
                w.commit();
            }
            FakeTerminal terminal = new FakeTerminal();
            CliSession session = (CliSession) shell.openShell(new SessionInfo("admin", 15, "ssh",
                    new InetSocketAddress("127.0.0.1", 50000), "vt100", 80, 24), terminal);
            session.start();
            Map<String, Long> before = snapshot(dir.resolve("usbflash0"));
            byte[] line = "copy flash0:big.bin usbflash0:\r\r".getBytes(StandardCharsets.US_ASCII);
            session.receive(line, 0, line.length);
            // One task reserves the space, then one task per chunk.
            for (int i = 0; i < 4; i++) {
                tasks.poll().run();
            }
            assertThat(terminal.output()).endsWith("Copy in progress...CCC");
            assertThat(snapshot(dir.resolve("usbflash0"))).isNotEqualTo(before);
            session.disconnected();
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
            assertThat(snapshot(dir.resolve("usbflash0"))).isEqualTo(before);
            IosFileSystem usb = device.fileSystems().find("usbflash0").orElseThrow();
            assertThat(usb.space().used()).isZero();
            assertThat(usb.space().reserved()).isZero();
        }
    }

    @Test
    void usedPlusFreeIsCapacityAfterRandomCopiesDeletesAndFailures() throws Exception {
        CliTester t = FsFixture.tester(dir);
        t.text("configure terminal\r");
        t.text("file prompt quiet\r");
        t.text("end\r");
        java.util.Random random = new java.util.Random(42);
        int[] sizes = {10_000, 40_000, 90_000, 150_000, 200_000};
        for (int i = 0; i < sizes.length; i++) {
            FsFixture.put(t, "flash0", "f" + i, FsFixture.random(sizes[i], i));
        }
        IosFileSystem nvram = FsFixture.fs(t, "nvram");
        long capacity = nvram.spec().capacity();
        boolean sawFailure = false;
        for (int step = 0; step < 60; step++) {
            String target = "g" + random.nextInt(4);
            String out;
            if (random.nextInt(3) == 0) {
                out = t.text("delete /force nvram:" + target + "\r");
            } else {
                out = t.text("copy flash0:f" + random.nextInt(sizes.length) + " nvram:" + target + "\r");
                sawFailure |= out.contains("(Not enough space on device)");
            }
            assertThat(out).endsWith("R1#");
            String listing = t.text("dir nvram:\r");
            long listed = listing.lines().filter(l -> l.matches("\\s+\\d+\\s+-rw-.*"))
                    .mapToLong(l -> Long.parseLong(l.strip().split("\\s+")[2])).sum();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) bytes total \\((\\d+) bytes free\\)")
                    .matcher(listing);
            assertThat(m.find()).isTrue();
            assertThat(Long.parseLong(m.group(1))).isEqualTo(capacity);
            assertThat(listed + Long.parseLong(m.group(2))).as("used + free after step %d", step).isEqualTo(capacity);
            assertThat(nvram.space().used() + nvram.space().free()).isEqualTo(capacity);
            assertThat(snapshot(dir.resolve("nvram")).keySet()).allMatch(n -> !n.startsWith(".ioslab-tmp"));
        }
        assertThat(sawFailure).as("the sequence exercised out-of-space copies").isTrue();
    }

    @Test
    void copyToADirectoryOrFromADirectory() {
        CliTester t = FsFixture.tester(dir);
        t.text("mkdir flash0:d\r\r");
        FsFixture.put(t, "flash0", "a", "1");
        t.text("copy flash0:a flash0:d\r\r");
        assertThat(t.text("dir flash0:d/a\r")).contains("Directory of flash0:/d/a");
        assertThat(t.text("copy flash0:d usbflash0:x\r\r")).contains("%Error opening flash0:/d (Is a directory)");
        assertThat(List.of(t.text("dir usbflash0:\r"))).allMatch(s -> s.contains("No files in directory"));
    }
}
