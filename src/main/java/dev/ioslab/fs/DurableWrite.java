package dev.ioslab.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a small host file so that a crash leaves either the old or the new content, never a mix: the bytes go to
 * a hidden temp file in the same folder, which is fsynced, renamed over the target in one step, and the folder is
 * fsynced so the rename survives a power loss. Owner-only files (private keys) are created {@code rw-------} before
 * the first byte is written. Blocking file I/O; stateless.
 */
public final class DurableWrite {

    private static final Logger LOG = LoggerFactory.getLogger(DurableWrite.class);

    private DurableWrite() {
    }

    /** Writes {@code content} to {@code file}, creating its folder when needed. */
    public static void replace(Path file, byte[] content, boolean ownerOnly) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = folder.resolve("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString(ownerOnly ? "rw-------" : "rw-r--r--")));
        } else {
            Files.createFile(temp);
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(content);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
            moveOver(temp, file);
        } catch (IOException e) {
            // Disk full, read-only, I/O error: the old file stays, the half-written temp goes.
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        syncFolder(folder);
    }

    /** Renames {@code temp} over {@code target} in one step where the file system can. */
    public static void moveOver(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes a rename durable; a platform that cannot open a folder only loses durability. */
    public static void syncFolder(Path folder) {
        try {
            HostFolders.syncDirectory(folder);
        } catch (IOException e) {
            LOG.debug("Cannot fsync folder {}: {}", folder, e.toString());
        }
    }
}
