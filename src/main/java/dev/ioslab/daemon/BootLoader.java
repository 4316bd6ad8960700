package dev.ioslab.daemon;

import dev.ioslab.commands.exec.VerificationEvents;
import dev.ioslab.device.BootFaults;
import dev.ioslab.device.BootImage;
import dev.ioslab.device.Device;
import dev.ioslab.fs.FileEntry;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.IosFileSystem;
import dev.ioslab.fs.IosUrl;
import dev.ioslab.fs.IosUrlException;
import dev.ioslab.fs.IosUrlParser;
import dev.ioslab.fs.LocalUrl;
import dev.ioslab.image.ImageCheck;
import dev.ioslab.image.ImageMetadata;
import dev.ioslab.image.ImageType;
import dev.ioslab.image.SoftwareAuthenticity;
import dev.ioslab.image.StoredKey;
import dev.ioslab.image.VerificationPool;
import dev.ioslab.image.VerificationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses and verifies the image a device boots, as an ISR G2 does: the {@code boot system} entries in order, then
 * the files of {@code flash0:}; the first that is a bootable image for the platform and whose signature verifies
 * against the device's own key storage wins. None: the device stays in ROM monitor.
 *
 * <p>A rack's devices usually boot the same file (hard links of one provisioned image): a result is kept per file
 * identity (device and inode, size, modification time) and key storage content, so that file is hashed once, not
 * once per device. Threading: called on start-up and reboot threads; blocks on the shared verification pool.
 */
final class BootLoader {

    private static final Logger LOG = LoggerFactory.getLogger(BootLoader.class);

    /** The image a device booted and what its check found. */
    record Booted(LocalUrl file, VerificationResult result) {
    }

    private record CacheKey(Object fileKey, long size, long modified, List<StoredKey> keys) {
    }

    private final VerificationPool pool;
    private final String platform;
    private final BootFaults faults;
    private final Map<CacheKey, VerificationResult> results = new ConcurrentHashMap<>();

    BootLoader(VerificationPool pool, String platform) {
        this(pool, platform, BootFaults.NONE);
    }

    /** As above, with {@code faults} able to fail the next boot's verification or lengthen the next reload. */
    BootLoader(VerificationPool pool, String platform, BootFaults faults) {
        this.pool = pool;
        this.platform = platform;
        this.faults = faults;
    }

    /** How long a reload of {@code device} starting now takes: {@code normal}, unless a fault plans otherwise. */
    Duration bootTime(Device device, Duration normal) {
        return faults.bootTime(device.name()).orElse(normal);
    }

    /** The first bootable image that verifies, recorded on the device; empty when none does (ROM monitor). */
    Optional<Booted> boot(Device device) throws InterruptedException {
        if (faults.failVerification(device.name())) {
            LOG.warn("{}: every boot image fails its signature check (fault plan)", device.name());
            return Optional.empty();
        }
        for (LocalUrl candidate : candidates(device)) {
            VerificationResult result;
            try {
                result = verify(device, candidate);
            } catch (IOException | FsException e) {
                LOG.warn("{}: cannot read boot image {}: {}", device.name(), candidate.display(), e.getMessage());
                continue;
            }
            Optional<ImageMetadata> metadata = result.signature().map(s -> s.metadata());
            if (result.isValid() && metadata.filter(this::bootable).isPresent()) {
                ImageMetadata m = metadata.get();
                BootImage defaults = device.platform().defaultImage();
                // IOS names the booted file without a slash after the prefix: flash0:c3900-….bin
                String path = candidate.fileSystem().name() + ":" + candidate.path().relative();
                device.setRunningImage(new BootImage(path, defaults.imageName(), m.version(), defaults.compiled(),
                        defaults.release()));
                device.softwareAuthenticity().recordSystemImage(
                        new SoftwareAuthenticity.BootedImage(path, result.signature().get()));
                return Optional.of(new Booted(candidate, result));
            }
            LOG.warn("{}: boot image {} refused: {} {}", device.name(), candidate.display(), result.status(),
                    result.detail());
        }
        return Optional.empty();
    }

    private boolean bootable(ImageMetadata m) {
        return m.imageType() != ImageType.ROMMON && m.platform().equalsIgnoreCase(platform);
    }

    /** {@code boot system} entries (both syntaxes), then every file at the root of {@code flash0:} by name. */
    private static List<LocalUrl> candidates(Device device) {
        List<LocalUrl> out = new ArrayList<>();
        IosUrlParser parser = new IosUrlParser(device.fileSystems());
        for (String entry : device.config().bootSystem()) {
            // "boot system flash c1900.bin" is the old syntax of "boot system flash:c1900.bin".
            String text = entry.matches("(?i)flash\\s+\\S+") ? "flash:" + entry.substring(5).strip() : entry;
            try {
                IosUrl url = parser.parse(text);
                if (url instanceof LocalUrl local) {
                    out.add(local);
                }
            } catch (IosUrlException e) {
                LOG.warn("{}: boot system {} is not a flash file: {}", device.name(), entry, e.reason());
            }
        }
        device.fileSystems().find("flash0").ifPresent(flash -> {
            try {
                flash.list(flash.root()).stream().filter(f -> !f.directory())
                        .sorted((a, b) -> a.name().compareTo(b.name()))
                        .map(f -> new LocalUrl("flash0", f.path()))
                        .filter(u -> !out.contains(u)).forEach(out::add);
            } catch (FsException e) {
                LOG.warn("{}: cannot list flash0: {}", device.name(), e.getMessage());
            }
        });
        return out;
    }

    private VerificationResult verify(Device device, LocalUrl file)
            throws IOException, FsException, InterruptedException {
        IosFileSystem fs = file.fileSystem();
        FileEntry entry = fs.stat(file.path());
        // The device's folders follow DESIGN's layout: var/devices/<name>/<file system>/<path>.
        Path host = device.stateDir().resolve(fs.name()).resolve(file.path().relative());
        BasicFileAttributes attributes = Files.readAttributes(host, BasicFileAttributes.class);
        CacheKey key = new CacheKey(attributes.fileKey() != null ? attributes.fileKey() : host, entry.size(),
                attributes.lastModifiedTime().toMillis(), device.softwareAuthenticity().keys().list());
        VerificationResult cached = results.get(key);
        if (cached != null) {
            device.events().publish(VerificationEvents.of(file.display(), cached, null));
            return cached;
        }
        try {
            VerificationResult result = pool.verifyImage(device.name(), fs.openChannel(file.path()),
                    device.softwareAuthenticity().keys(), ImageCheck.signatureOnly()).get();
            results.put(key, result);
            device.events().publish(VerificationEvents.of(file.display(), result, null));
            return result;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause).toLowerCase(
                    Locale.ROOT), cause);
        }
    }
}
