package dev.ioslab.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Host folder operations the flash file systems build on: removing a tree, keeping a folder's time across a change
 * inside it (as FAT shows it), and making a rename or delete durable. Stateless; blocking file I/O on the caller's
 * thread.
 */
final class HostFolders {

    private static final Logger LOG = LoggerFactory.getLogger(HostFolders.class);

    private HostFolders() {
    }

    /** A change to a folder's contents that may fail as the host fails. */
    @FunctionalInterface
    interface HostChange {
        void run() throws IOException;
    }

    static void deleteTree(Path start) throws IOException {
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Runs a change inside {@code folder} and puts the folder's modification time back: on IOS (FAT) a directory
     * shows when it was created, not when a file in it last changed.
     */
    static void keepFolderTime(Path folder, HostChange change) throws IOException {
        FileTime before = Files.getLastModifiedTime(folder, LinkOption.NOFOLLOW_LINKS);
        try {
            change.run();
        } finally {
            Files.setLastModifiedTime(folder, before);
        }
    }

    /** fsync of a folder makes a rename or delete in it durable (POSIX); some platforms cannot open folders. */
    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (UnsupportedOperationException e) {
            LOG.trace("Folder fsync unsupported for {}", directory);
        }
    }
}
