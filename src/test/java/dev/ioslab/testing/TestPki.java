package dev.ioslab.testing;

import dev.ioslab.image.ImageMetadata;
import dev.ioslab.image.ImageSigner;
import dev.ioslab.image.ImageType;
import dev.ioslab.image.KeyType;
import dev.ioslab.image.LabKey;
import dev.ioslab.image.LabPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Lab PKIs generated once per test JVM in a temp folder deleted at exit (keys are never committed): {@link #lab()}
 * is the PKI devices trust, {@link #foreign()} a second one with the same key names but other keys. Also signs
 * payloads in memory.
 */
public final class TestPki {

    private static LabPki lab;
    private static LabPki foreign;

    private TestPki() {
    }

    public static synchronized LabPki lab() {
        if (lab == null) {
            lab = create("lab");
        }
        return lab;
    }

    public static synchronized LabPki foreign() {
        if (foreign == null) {
            foreign = create("foreign");
        }
        return foreign;
    }

    /** The lab key {@code label} ({@code release-A}). */
    public static LabKey key(String label) {
        return lab().find(label).orElseThrow();
    }

    /** {@code payload ‖ envelope ‖ trailer} signed with {@code key}. */
    public static byte[] sign(byte[] payload, ImageMetadata metadata, LabKey key) {
        byte[] block = ImageSigner.signatureBlock(payload, metadata, key);
        byte[] image = new byte[payload.length + block.length];
        System.arraycopy(payload, 0, image, 0, payload.length);
        System.arraycopy(block, 0, image, payload.length, block.length);
        return image;
    }

    /** A production C3900 image signed with release A of the lab PKI. */
    public static byte[] production(byte[] payload) {
        return sign(payload, ImageMetadata.of(ImageType.PRODUCTION, KeyType.RELEASE, 'A', "C3900", "15.7(3)M8"),
                key("release-A"));
    }

    private static LabPki create(String name) {
        try {
            Path dir = Files.createTempDirectory("ioslab-test-pki-" + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return LabPki.createOrLoad(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp folder is harmless.
        }
    }
}
