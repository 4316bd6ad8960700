package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab image is hard-linked into every device's flash0:, past the file system's cap on links per file. */
class ImageLinksTest {

    @TempDir
    Path dir;

    @Test
    void aFullSourceIsReplacedByOneSpareCopyAndLinkingGoesOn() throws IOException {
        Path image = Files.writeString(dir.resolve("image.bin"), "signed image bytes");
        Map<Path, Integer> links = new HashMap<>();
        // A file system that allows 2 links per file, as ext4 allows 65,000.
        ImageLinks.Linker capped = (link, existing) -> {
            if (links.merge(existing, 1, Integer::sum) > 2) {
                throw new FileSystemException(link.toString(), existing.toString(), "Too many links");
            }
            Files.createLink(link, existing);
        };
        ImageLinks imageLinks = new ImageLinks(image, dir.resolve(".image-links"), capped);

        for (int i = 1; i <= 5; i++) {
            Path flash0 = Files.createDirectories(dir.resolve("r" + i).resolve("flash0"));
            imageLinks.provision(flash0.resolve("image.bin"), "r" + i);
            assertThat(Files.readString(flash0.resolve("image.bin"))).isEqualTo("signed image bytes");
        }

        Path spare1 = dir.resolve(".image-links").resolve("image.bin.1");
        Path spare2 = dir.resolve(".image-links").resolve("image.bin.2");
        assertThat(Files.isSameFile(dir.resolve("r1/flash0/image.bin"), image)).isTrue();
        assertThat(Files.isSameFile(dir.resolve("r2/flash0/image.bin"), image)).isTrue();
        assertThat(Files.isSameFile(dir.resolve("r3/flash0/image.bin"), spare1)).isTrue();
        assertThat(Files.isSameFile(dir.resolve("r4/flash0/image.bin"), spare1)).isTrue();
        assertThat(Files.isSameFile(dir.resolve("r5/flash0/image.bin"), spare2)).isTrue();
        try (var spares = Files.list(dir.resolve(".image-links"))) {
            assertThat(spares.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("image.bin.1",
                    "image.bin.2");
        }
    }
}
