package dev.ioslab.daemon;

import dev.ioslab.image.ImageMetadata;
import dev.ioslab.image.ImageSigner;
import dev.ioslab.image.ImageType;
import dev.ioslab.image.KeyType;
import dev.ioslab.image.LabKey;
import dev.ioslab.image.LabPki;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first-run lab: the signed sample images of the image workflow, made in the image directory when it has none,
 * with a {@code README.txt} saying what each is for. Payloads are pseudo-random bytes of the configured size (a
 * real image's order of size, so transfers and checks take real time); each image is written to a hidden file and
 * renamed, so an interrupted first run leaves no half image and the next start completes the set.
 */
final class LabImages {

    /** The production image every fresh device runs, release key A. */
    static final String CURRENT = "c3900-universalk9-mz.SPA.157-3.M8.bin";
    static final String PLATFORM = "C3900";
    private static final Logger LOG = LoggerFactory.getLogger(LabImages.class);
    private static final int ROMMON_BYTES = 1 << 20;

    /** One sample: its file, what it is, who signs it, and what it is for. */
    private record Sample(String file, ImageMetadata metadata, String signer, String bundled, boolean rommon,
                          boolean tampered, String purpose) {
    }

    private static final List<Sample> SAMPLES = List.of(
            new Sample(CURRENT, meta(ImageType.PRODUCTION, KeyType.RELEASE, 'A', "15.7(3)M8"), "release-A", null,
                    false, false, "the production image the devices run at first start (release key A)"),
            new Sample("c3900-universalk9-mz.SPA.159-3.M2.bin", meta(ImageType.PRODUCTION, KeyType.RELEASE, 'B',
                    "15.9(3)M2"), "release-B", "development-B", false, false,
                    "a newer production image signed with release key B; verifies only after 'software authenticity"
                            + " key add production' from the revocation image; carries special key B"),
            new Sample("c3900-universalk9-mz.SSA.159-3.M2.bin", meta(ImageType.SPECIAL, KeyType.DEVELOPMENT, 'A',
                    "15.9(3)M2"), "development-A", null, false, false, "a special image (development key A)"),
            new Sample("c3900-universalk9-mz.SSB.159-3.M2.bin", meta(ImageType.SPECIAL, KeyType.DEVELOPMENT, 'B',
                    "15.9(3)M2"), "development-B", null, false, false,
                    "a special image signed with development key B (after 'software authenticity key add special')"),
            new Sample("c3900-universalk9-mz.REV.157-3.M8.bin", meta(ImageType.REVOCATION, KeyType.ROLLOVER, 'A',
                    "15.7(3)M8"), "rollover-A", "release-B", false, false,
                    "the revocation image (rollover key), carrying release key B for 'software authenticity key add"
                            + " production'"),
            new Sample("C3900_ROMMON_RM2.srec.SPA", meta(ImageType.ROMMON, KeyType.RELEASE, 'A', "15.0(1r)M16"),
                    "release-A", null, true, false, "a ROM monitor upgrade signed with release key A"),
            new Sample("C3900_ROMMON_RM2.srec.SPB", meta(ImageType.ROMMON, KeyType.RELEASE, 'B', "15.0(1r)M17"),
                    "release-B", null, true, false, "a ROM monitor upgrade signed with release key B"),
            new Sample("c3900-universalk9-mz.SPA.157-3.M8.tampered.bin", meta(ImageType.PRODUCTION, KeyType.RELEASE,
                    'A', "15.7(3)M8"), "release-A", null, false, true,
                    "the current image with one payload byte changed after signing: every check must refuse it"));

    private LabImages() {
    }

    private static ImageMetadata meta(ImageType type, KeyType key, char version, String release) {
        return ImageMetadata.of(type, key, version, PLATFORM, release);
    }

    /** Makes the samples that are missing from {@code directory} and its README; returns the files made. */
    static List<String> prepare(LabPki pki, Path directory, long payloadBytes) throws IOException {
        Files.createDirectories(directory);
        List<String> made = new ArrayList<>();
        for (Sample sample : SAMPLES) {
            Path target = directory.resolve(sample.file());
            if (!Files.exists(target)) {
                make(pki, sample, target, sample.rommon() ? Math.min(ROMMON_BYTES, payloadBytes) : payloadBytes);
                made.add(sample.file());
            }
        }
        Path readme = directory.resolve("README.txt");
        if (!made.isEmpty() || !Files.exists(readme)) {
            Files.writeString(readme, readme(pki));
        }
        if (!made.isEmpty()) {
            LOG.info("First run: signed {} sample images in {}", made.size(), directory);
        }
        return made;
    }

    private static void make(LabPki pki, Sample sample, Path target, long bytes) throws IOException {
        Path payload = target.resolveSibling(".payload-" + sample.file());
        Path signed = target.resolveSibling(".signed-" + sample.file());
        try {
            writePayload(payload, bytes, sample.file().hashCode());
            LabKey key = pki.find(sample.signer()).orElseThrow(() -> new IOException("no lab key " + sample.signer()));
            ImageMetadata metadata = sample.bundled() == null ? sample.metadata() : sample.metadata()
                    .bundling(pki.find(sample.bundled()).orElseThrow().publicKey());
            ImageSigner.sign(payload, metadata, key, signed);
            if (sample.tampered()) {
                try (FileChannel channel = FileChannel.open(signed, StandardOpenOption.READ,
                        StandardOpenOption.WRITE)) {
                    ByteBuffer one = ByteBuffer.allocate(1);
                    channel.read(one, bytes / 2);
                    one.put(0, (byte) (one.get(0) ^ 0x5a)).rewind();
                    channel.write(one, bytes / 2);
                    channel.force(true);
                }
            }
            Files.move(signed, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(payload);
            Files.deleteIfExists(signed);
        }
    }

    private static void writePayload(Path payload, long bytes, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        try (FileChannel out = FileChannel.open(payload, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            long left = bytes;
            while (left > 0) {
                buffer.clear();
                int n = (int) Math.min(buffer.capacity(), left);
                for (int i = 0; i + 8 <= n; i += 8) {
                    buffer.putLong(random.nextLong());
                }
                while (buffer.position() < n) {
                    buffer.put((byte) random.nextInt());
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                left -= n;
            }
        }
    }

    private static String readme(LabPki pki) {
        StringBuilder text = new StringBuilder("""
                ioslab sample images, signed with the lab keys in %s
                (made at first start; delete a file and restart the daemon to make it again).

                Served by the image repository: ftp://127.0.0.1:2121/<file> and tftp://127.0.0.1:6969/<file>
                with the shipped configuration.

                """.formatted(pki.dir()));
        for (Sample s : SAMPLES) {
            text.append(s.file()).append('\n').append("    ").append(s.purpose()).append("\n\n");
        }
        return text.toString();
    }
}
