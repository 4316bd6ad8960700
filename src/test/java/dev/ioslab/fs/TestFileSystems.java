package dev.ioslab.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Shared setup for the fs tests: an ISR G2 table with small capacities and a fixed clock. */
final class TestFileSystems {

    static final long FLASH0 = 10_000;
    static final long NVRAM = 2_000;
    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private TestFileSystems() {
    }

    static FileSystemTable open(Path deviceDir) throws IOException {
        return FileSystemTable.open(deviceDir, IsrG2Layout.fileSystems(FLASH0, 0, 5_000, 0, NVRAM), CLOCK);
    }

    static IosFileSystem flash0(FileSystemTable table) {
        return table.find("flash0").orElseThrow();
    }

    /** Writes {@code size} bytes of a repeating pattern through the atomic-write API and commits. */
    static FileEntry writeFile(IosFileSystem fs, String path, int size) throws FsException {
        try (AtomicWrite write = fs.beginWrite(fs.resolve(path), size)) {
            write.write(ByteBuffer.wrap(pattern(size)));
            return write.commit();
        }
    }

    static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }

    /** Every file below {@code folder} on the host, hidden ones included, as relative paths. */
    static List<String> hostFiles(Path folder) throws IOException {
        List<String> files = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                files.add(folder.relativize(file).toString());
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    /** Temp files of writes below {@code folder}. */
    static List<String> tempFiles(Path folder) throws IOException {
        return hostFiles(folder).stream().filter(name -> name.contains(PathRules.TEMP_PREFIX)).toList();
    }

    /** Sum of visible file sizes below {@code folder}, counted independently of the code under test. */
    static long visibleBytes(Path folder) throws IOException {
        long total = 0;
        for (String name : hostFiles(folder)) {
            Path file = folder.resolve(name);
            if (!file.getFileName().toString().startsWith(PathRules.HIDDEN_PREFIX)) {
                total += Files.size(file);
            }
        }
        return total;
    }
}
