package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.device.PowerControl;
import dev.ioslab.image.ImageMetadata;
import dev.ioslab.image.ImageSignature;
import dev.ioslab.image.ImageType;
import dev.ioslab.image.KeyStorage;
import dev.ioslab.image.KeyType;
import dev.ioslab.image.SoftwareAuthenticity;
import dev.ioslab.image.SoftwareKey;
import dev.ioslab.testing.CliTester;
import dev.ioslab.testing.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A device for the key revocation transcripts: R1 with the lab's factory keys (release A, development A, rollover
 * A), a power control that records reload reasons, and the images of the guide's walks, signed in the test with
 * the lab PKI.
 */
final class RevocationFixture {

    static final String PLATFORM = "C3900";

    final CliTester t;
    final List<String> reloads = new CopyOnWriteArrayList<>();

    RevocationFixture(Path dir) throws IOException {
        t = FsFixture.tester(dir);
        for (SoftwareKey k : TestPki.lab().factoryKeys()) {
            t.device().softwareAuthenticity().keys().addKey(k);
        }
        PowerControl power = (device, reason) -> reloads.add(reason);
        t.device().attach(power, null);
    }

    /** Types {@code line} and Enter and waits for the prompt. */
    String run(String line) throws InterruptedException {
        return VerifyCommandTest.run(t, line + "\r");
    }

    SoftwareAuthenticity authenticity() {
        return t.device().softwareAuthenticity();
    }

    KeyStorage keys() {
        return authenticity().keys();
    }

    /** Records {@code metadata}, signed with lab key {@code signer}, as the image the device booted. */
    void boot(String path, ImageMetadata metadata, String signer) {
        authenticity().recordSystemImage(new SoftwareAuthenticity.BootedImage(path,
                new ImageSignature(metadata, TestPki.key(signer).signer())));
    }

    /** The revocation image of the production walk: signed with rollover A, bundling release key B. */
    static ImageMetadata revocationImage() {
        return ImageMetadata.of(ImageType.REVOCATION, KeyType.ROLLOVER, 'A', PLATFORM, "15.1(4)M")
                .bundling(TestPki.key("release-B").publicKey());
    }

    /** A production image signed with release key {@code version}, bundling development key B. */
    static ImageMetadata productionImage(char version) {
        return ImageMetadata.of(ImageType.PRODUCTION, KeyType.RELEASE, version, PLATFORM, "15.7(3)M8")
                .bundling(TestPki.key("development-B").publicKey());
    }

    /** A special image signed with development key A. */
    static ImageMetadata specialImage() {
        return ImageMetadata.of(ImageType.SPECIAL, KeyType.DEVELOPMENT, 'A', PLATFORM, "15.7(3)M8");
    }

    /** Puts a file {@code name} in flash0: holding a payload signed with lab key {@code label} as {@code type}. */
    void put(String name, ImageType type, String label, int size, long seed) {
        SoftwareKey.Label key = SoftwareKey.parseLabel(label).orElseThrow();
        put(name, ImageMetadata.of(type, key.type(), key.version(), PLATFORM, type == ImageType.ROMMON
                ? "15.0(1r)M16" : "15.7(3)M9"), label, size, seed);
    }

    void put(String name, ImageMetadata metadata, String label, int size, long seed) {
        FsFixture.put(t, "flash0", name, TestPki.sign(FsFixture.random(size, seed), metadata, TestPki.key(label)));
    }

    /** Types {@code line}, waits for {@code Continue? [yes/no]: }, answers {@code answer}; returns both parts. */
    String upgrade(String line, String answer) throws InterruptedException {
        String asked = t.awaitText(line + "\r", "Continue? [yes/no]: ", 20_000);
        // The rest may still run on the pool thread that asked, when the answer came first.
        String rest = t.text(answer + "\r");
        if (!rest.endsWith("R1#")) {
            t.terminal().awaitContains("R1#", 20_000);
            rest += t.terminal().take();
        }
        return asked + rest;
    }

    /** The copy {@code area} of the key storage as it is on disk. */
    String onDisk(KeyStorage.Area area) throws IOException {
        return Files.readString(keys().file(area));
    }

    /** Both copies on disk hold the same bytes, with {@code line} (such as {@code key release B active}). */
    void bothCopiesHold(String line) throws IOException {
        assertThat(onDisk(KeyStorage.Area.PRIMARY)).contains("\n" + line + " ");
        assertThat(Files.readAllBytes(keys().file(KeyStorage.Area.BACKUP)))
                .isEqualTo(Files.readAllBytes(keys().file(KeyStorage.Area.PRIMARY)));
    }
}
