package dev.ioslab.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioslab.fs.FsError;
import dev.ioslab.fs.HostFailureCause;
import dev.ioslab.testing.SmallTmpfs;
import dev.ioslab.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key storage on a real tmpfs that fills up: the write fails with the host's cause, both copies stay as they were. */
class KeyStorageFullDiskTest {

    @TempDir
    Path dir;

    private SmallTmpfs disk;

    @BeforeEach
    void mount() throws Exception {
        disk = SmallTmpfs.mount(dir.resolve("var"), 1);
    }

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            disk.close();
        }
    }

    @Test
    void addingAKeyOnAFullDiskKeepsBothCopiesAndNamesTheCause() throws Exception {
        Path keysDir = disk.root().resolve("r1/keys");
        KeyStorage keys = KeyStorage.open(keysDir, TestPki.lab().factoryKeys());
        keys.resetTo(TestPki.lab().factoryKeys());
        Map<String, byte[]> before = contents(keysDir);
        disk.fill(disk.root().resolve("filler"), 0);

        assertThatThrownBy(() -> keys.addKey(TestPki.key("development-B").publicKey()))
                .satisfies(e -> assertThat(HostFailureCause.of(e)).isEqualTo(FsError.NOT_ENOUGH_SPACE));

        Map<String, byte[]> after = contents(keysDir);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        after.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(before.get(name)));

        Files.delete(disk.root().resolve("filler"));
        keys.addKey(TestPki.key("development-B").publicKey());
        assertThat(KeyStorage.open(keysDir, TestPki.lab().factoryKeys()).list())
                .extracting(k -> k.key().label()).contains("development-B");
    }

    private static Map<String, byte[]> contents(Path folder) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
