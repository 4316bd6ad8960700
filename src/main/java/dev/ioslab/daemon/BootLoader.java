package dev.ioslab.daemon;

import dev.ioslab.commands.exec.VerificationEvents;
import dev.ioslab.device.BootFaults;
import dev.ioslab.device.BootImage;
import dev.ioslab.device.Device;
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
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

    /** The image a device booted ({@code flash0:c3900-….bin}) and what its check found. */
    record Booted(String path, VerificationResult result) {
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
        if (!device.storage().inUse() && device.config().bootSystem().isEmpty()) {
            // A fresh device: its flash0: holds the factory image only, booted without opening the storage.
            Optional<Path> factory = device.storage().factoryImage();
            if (factory.isPresent()) {
                String name = factory.get().getFileName().toString();
                try {
                    return accept(device, "flash0:" + name, verify(device, "flash0:/" + name, factory.get(),
                            () -> FileChannel.open(factory.get(), StandardOpenOption.READ)));
                } catch (IOException | FsException e) {
                    LOG.warn("{}: cannot read boot image flash0:/{}: {}", device.name(), name, e.getMessage());
                    return Optional.empty();
                }
            }
            if (!device.storage().inUse()) {
                return Optional.empty();
            }
        }
        for (LocalUrl candidate : candidates(device)) {
            IosFileSystem fs = candidate.fileSystem();
            // IOS names the booted file without a slash after the prefix: flash0:c3900-….bin
            String path = fs.name() + ":" + candidate.path().relative();
            try {
                fs.stat(candidate.path());
                // The device's folders follow DESIGN's layout: var/devices/<name>/<file system>/<path>.
                Path host = device.stateDir().resolve(fs.name()).resolve(candidate.path().relative());
                Optional<Booted> booted = accept(device, path, verify(device, candidate.display(), host,
                        () -> fs.openChannel(candidate.path())));
                if (booted.isPresent()) {
                    return booted;
                }
            } catch (IOException | FsException e) {
                LOG.warn("{}: cannot read boot image {}: {}", device.name(), candidate.display(), e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Boots {@code path} when its check found a valid image for this platform; logs the refusal otherwise. */
    private Optional<Booted> accept(Device device, String path, VerificationResult result) {
        Optional<ImageMetadata> metadata = result.signature().map(s -> s.metadata());
        if (!result.isValid() || metadata.filter(this::bootable).isEmpty()) {
            LOG.warn("{}: boot image {} refused: {} {}", device.name(), path, result.status(), result.detail());
            return Optional.empty();
        }
        ImageMetadata m = metadata.get();
        BootImage defaults = device.platform().defaultImage();
        device.setRunningImage(new BootImage(path, defaults.imageName(), m.version(), defaults.compiled(),
                defaults.release()));
        device.softwareAuthenticity().recordSystemImage(
                new SoftwareAuthenticity.BootedImage(path, result.signature().get()));
        return Optional.of(new Booted(path, result));
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

    /** Opens a boot image for reading. */
    private interface ImageOpener {
        FileChannel open() throws IOException, FsException;
    }

    /**
     * The check of the image {@code display} whose host file is {@code host}: from the cache when that file (its
     * identity, size and time) was checked against the same keys before, else on the verification pool.
     */
    private VerificationResult verify(Device device, String display, Path host, ImageOpener image)
            throws IOException, FsException, InterruptedException {
        BasicFileAttributes attributes = Files.readAttributes(host, BasicFileAttributes.class);
        CacheKey key = new CacheKey(attributes.fileKey() != null ? attributes.fileKey() : host, attributes.size(),
                attributes.lastModifiedTime().toMillis(), device.softwareAuthenticity().keys().list());
        VerificationResult cached = results.get(key);
        if (cached != null) {
            device.events().publish(VerificationEvents.of(display, cached, null));
            return cached;
        }
        try {
            VerificationResult result = pool.verifyImage(device.name(), image.open(),
                    device.softwareAuthenticity().keys(), ImageCheck.signatureOnly()).get();
            results.put(key, result);
            device.events().publish(VerificationEvents.of(display, result, null));
            return result;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause).toLowerCase(
                    Locale.ROOT), cause);
        }
    }
}
