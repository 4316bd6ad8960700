package dev.ioslab.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random sequences of writes (fitting, failing fast, outgrowing the device, aborted, interleaved), deletes,
 * renames and directory removals, checked after every step against a model and against the folder itself:
 * used + free = capacity, used = real bytes of visible files, nothing reserved, no temp file left.
 */
class SpaceAccountingPropertyTest {

    private static final long CAPACITY = 50_000;
    private static final int OPERATIONS = 1_500;
    private static final List<String> NAMES = List.of("a", "b", "c", "d/e", "d/f", "img.bin", "cfg", "d/g");

    @TempDir
    Path deviceDir;

    private final Random random = new Random(20_261_127L);
    private final Map<String, Integer> model = new HashMap<>();
    private IosFileSystem flash;
    private Path folder;

    @Test
    void usedPlusFreeEqualsCapacityAfterAnySequenceOfOperations() throws Exception {
        FileSystemTable table = FileSystemTable.open(deviceDir, List.of(new FileSystemSpec("flash0",
                List.of("flash"), FsType.DISK, FsAccess.RW, CAPACITY, true, true)), TestFileSystems.CLOCK);
        flash = table.find("flash").orElseThrow();
        folder = deviceDir.resolve("flash0");
        flash.mkdir(flash.resolve("d"));
        int failures = 0;
        for (int step = 0; step < OPERATIONS; step++) {
            int choice = random.nextInt(10);
            failures += switch (choice) {
                case 0, 1, 2 -> singleWrite(true);
                case 3, 4 -> singleWrite(false);
                case 5 -> interleavedWrites();
                case 6, 7 -> deleteSomething();
                case 8 -> renameSomething();
                default -> recreateDirectory();
            };
            checkInvariants(step);
        }
        // The sequence must exercise the failure paths, not only the happy one.
        assertThat(failures).isGreaterThan(OPERATIONS / 20);
    }

    private int singleWrite(boolean announceSize) throws Exception {
        String name = pick();
        int size = random.nextInt(25_000);
        int expected = announceSize ? Math.max(0, size + random.nextInt(2_000) - 1_000) : 0;
        boolean abortMidway = random.nextInt(8) == 0;
        long used = modelUsed();
        AtomicWrite write;
        try {
            write = announceSize ? flash.beginWrite(flash.resolve(name), expected) : flash.beginWrite(
                    flash.resolve(name));
        } catch (FsException e) {
            assertThat(e.error()).isIn(FsError.NOT_ENOUGH_SPACE, FsError.NO_SUCH_FILE);
            if (e.error() == FsError.NOT_ENOUGH_SPACE) {
                assertThat(used + expected).isGreaterThan(CAPACITY);
            }
            return 1;
        }
        assertThat(used + expected).isLessThanOrEqualTo(CAPACITY);
        int written = 0;
        while (written < size) {
            int chunk = Math.min(size - written, 1 + random.nextInt(4_096));
            if (abortMidway && written > size / 2) {
                write.abort();
                assertThat(flash.space().reserved()).isZero();
                return 1;
            }
            try {
                write.write(ByteBuffer.wrap(new byte[chunk]));
            } catch (FsException e) {
                assertThat(e.error()).isEqualTo(FsError.NOT_ENOUGH_SPACE);
                assertThat(used + written + chunk).isGreaterThan(CAPACITY);
                assertThat(write.isOpen()).isFalse();
                return 1;
            }
            written += chunk;
            SpaceUsage during = flash.space();
            assertThat(during.used() + during.reserved() + during.free()).isEqualTo(CAPACITY);
            assertThat(during.reserved()).isEqualTo(Math.max(expected, written));
        }
        write.commit();
        model.put(name, size);
        return 0;
    }

    private int interleavedWrites() throws Exception {
        List<String> names = new ArrayList<>(List.of(pick(), pick()));
        if (names.get(0).equals(names.get(1))) {
            names.remove(1);
        }
        List<AtomicWrite> writes = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Integer> progress = new ArrayList<>();
        List<Long> reservations = new ArrayList<>();
        int failures = 0;
        for (String name : names) {
            int expected = random.nextInt(15_000);
            try {
                writes.add(flash.beginWrite(flash.resolve(name), expected));
                sizes.add(random.nextInt(20_000));
                progress.add(0);
                reservations.add((long) expected);
            } catch (FsException e) {
                assertThat(modelUsed() + sum(reservations) + expected).isGreaterThan(CAPACITY);
                failures++;
            }
        }
        boolean busy = true;
        while (busy) {
            busy = false;
            for (int i = 0; i < writes.size(); i++) {
                AtomicWrite write = writes.get(i);
                if (!write.isOpen() || progress.get(i) >= sizes.get(i)) {
                    continue;
                }
                busy = true;
                int chunk = Math.min(sizes.get(i) - progress.get(i), 1 + random.nextInt(3_000));
                long newWritten = progress.get(i) + chunk;
                long growth = Math.max(0, newWritten - reservations.get(i));
                boolean fits = modelUsed() + sum(reservations) + growth <= CAPACITY;
                try {
                    write.write(ByteBuffer.wrap(new byte[chunk]));
                    assertThat(fits).isTrue();
                    progress.set(i, (int) newWritten);
                    reservations.set(i, Math.max(reservations.get(i), newWritten));
                } catch (FsException e) {
                    assertThat(fits).isFalse();
                    reservations.set(i, 0L);
                    failures++;
                }
            }
        }
        for (int i = 0; i < writes.size(); i++) {
            if (writes.get(i).isOpen()) {
                writes.get(i).commit();
                model.put(writes.get(i).destination().relative(), sizes.get(i));
            }
        }
        return failures;
    }

    private int deleteSomething() throws Exception {
        String name = pick();
        try {
            flash.delete(flash.resolve(name));
            assertThat(model.remove(name)).isNotNull();
            return 0;
        } catch (FsException e) {
            assertThat(e.error()).isIn(FsError.NO_SUCH_FILE);
            assertThat(model).doesNotContainKey(name);
            return 1;
        }
    }

    private int renameSomething() throws Exception {
        String from = pick();
        String to = pick();
        try {
            flash.rename(flash.resolve(from), flash.resolve(to), true);
            Integer size = model.remove(from);
            assertThat(size).isNotNull();
            model.put(to, size);
            return 0;
        } catch (FsException e) {
            assertThat(e.error()).isEqualTo(FsError.NO_SUCH_FILE);
            return 1;
        }
    }

    private int recreateDirectory() throws Exception {
        flash.deleteRecursive(flash.resolve("d"));
        model.keySet().removeIf(name -> name.startsWith("d/"));
        flash.mkdir(flash.resolve("d"));
        return 0;
    }

    private void checkInvariants(int step) throws Exception {
        SpaceUsage space = flash.space();
        long real = TestFileSystems.visibleBytes(folder);
        if (space.reserved() != 0 || space.used() != real || space.used() != modelUsed()
                || space.used() + space.free() != CAPACITY) {
            fail("step " + step + ": " + space + ", real " + real + ", model " + modelUsed());
        }
        assertThat(TestFileSystems.tempFiles(folder)).isEmpty();
        Set<String> listed = new TreeSet<>();
        for (FileEntry entry : flash.list(flash.root())) {
            if (!entry.directory()) {
                listed.add(entry.name());
            }
        }
        for (FileEntry entry : flash.list(flash.resolve("d"))) {
            listed.add("d/" + entry.name());
        }
        assertThat(listed).isEqualTo(new TreeSet<>(model.keySet()));
    }

    private String pick() {
        return NAMES.get(random.nextInt(NAMES.size()));
    }

    private long modelUsed() {
        return model.values().stream().mapToLong(Integer::longValue).sum();
    }

    private static long sum(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum();
    }
}
