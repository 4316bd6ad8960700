package dev.ioslab.daemon;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the lab's image into each fresh device's {@code flash0:} as a hard link, so a rack of thousands of devices
 * stores it once. A file system caps the links to one file (ext4: 65,000), so when the current source is full a copy
 * of the image is made in {@code spareFolder} and becomes the source of the next 65,000 links; without that, every
 * device past the cap would get a full copy and a 100,000-device rack would fill the disk. Where links are not
 * possible at all (another file system, no support) the device gets a copy.
 *
 * <p>Threading: thread-safe; devices are provisioned by the start-up threads in parallel.
 */
final class ImageLinks {

    private static final Logger LOG = LoggerFactory.getLogger(ImageLinks.class);

    /** How a link is made (a test seam: a file system that runs out of links is hard to come by). */
    interface Linker {
        void link(Path link, Path existing) throws IOException;
    }

    private final Path image;
    private final Path spareFolder;
    private final Linker linker;
    private Path source;
    private int spares;

    ImageLinks(Path image, Path spareFolder) {
        this(image, spareFolder, Files::createLink);
    }

    ImageLinks(Path image, Path spareFolder, Linker linker) {
        this.image = image;
        this.spareFolder = spareFolder;
        this.linker = linker;
        this.source = image;
    }

    /** Links (or, failing that, copies) the image to {@code target}. */
    void provision(Path target, String device) throws IOException {
        Path from = current();
        try {
            linker.link(target, from);
            return;
        } catch (FileSystemException e) {
            if (!tooManyLinks(e)) {
                copy(target, device, e);
                return;
            }
        } catch (IOException | UnsupportedOperationException e) {
            copy(target, device, e);
            return;
        }
        Path spare = nextSource(from);
        try {
            linker.link(target, spare);
        } catch (IOException | UnsupportedOperationException e) {
            copy(target, device, e);
        }
    }

    private synchronized Path current() {
        return source;
    }

    /** A fresh copy of the image to link to, once per full source (the threads that found it full share it). */
    private synchronized Path nextSource(Path full) throws IOException {
        if (source.equals(full)) {
            Files.createDirectories(spareFolder);
            Path spare = spareFolder.resolve(image.getFileName() + "." + (++spares));
            Path temp = spareFolder.resolve("." + spare.getFileName() + ".tmp");
            Files.copy(image, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, spare, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("{} has as many hard links as the file system allows; further devices link to {}", full, spare);
            source = spare;
        }
        return source;
    }

    private void copy(Path target, String device, Exception cause) throws IOException {
        LOG.debug("{}: cannot link {} ({}); copying it", device, image, cause.toString());
        Files.copy(image, target);
    }

    /** EMLINK, as the JDK reports it on Linux and macOS. */
    private static boolean tooManyLinks(FileSystemException e) {
        return e.getReason() != null && e.getReason().contains("Too many links");
    }
}
