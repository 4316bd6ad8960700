package dev.ioslab.imageserver.ftp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One upload in progress, written so that the file appears only when complete: the bytes go to a hidden temporary
 * file in the target's folder, which is fsynced when the stream closes and renamed over the target only when the
 * server has answered {@code 226} ({@link #commit()}); otherwise it is deleted ({@link #discard()}). Readers therefore
 * never see half an image.
 *
 * <p>Threading: used by the one MINA worker running the session's commands.
 */
final class PendingUpload {

    /** Temporary files are {@code .upload-<random>.part}: hidden from listings, never writable by clients. */
    private static final String PREFIX = ".upload-";
    private static final String SUFFIX = ".part";

    private final Path target;
    private final Path temporary;
    private volatile IOException hostFailure;

    private PendingUpload(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    /** Whether {@code name} is one of this class's temporary files. */
    static boolean isTemporaryName(String name) {
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
    }

    /** Removes temporary files a crash left anywhere under {@code folder}; returns how many. */
    static int removeLeftovers(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> isTemporaryName(f.getFileName().toString())).toList()) {
                if (Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /**
     * Opens a temporary file next to {@code target} (a real path inside the root) and returns the pending upload;
     * {@link #open(TransferMeter)} gives its stream.
     */
    static PendingUpload begin(Path target) throws IOException {
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException("no folder for " + target);
        }
        return new PendingUpload(target, Files.createTempFile(folder, PREFIX, SUFFIX));
    }

    /** The stream MINA writes into; closing it flushes and fsyncs the temporary file. */
    OutputStream open(TransferMeter meter) throws IOException {
        FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
        return new MeteredOutputStream(channel, meter);
    }

    /** Puts the complete file in place of the target (atomic rename over any older file of that name). */
    void commit() throws IOException {
        try {
            // Files.createTempFile makes it owner-only; a served image is readable like the others.
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // Other file systems keep their default permissions.
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Drops the incomplete file. */
    void discard() throws IOException {
        Files.deleteIfExists(temporary);
    }

    Path target() {
        return target;
    }

    /** The host's failure to store the bytes (disk full, read-only, I/O error), if writing failed. */
    Optional<IOException> hostFailure() {
        return Optional.ofNullable(hostFailure);
    }

    private IOException recorded(IOException failure) {
        if (hostFailure == null) {
            hostFailure = failure;
        }
        return failure;
    }

    /**
     * Buffered (so MINA does not add its own 8 KiB buffer), counted, fsynced on close; a failure to write, flush or
     * force is recorded as the upload's {@link #hostFailure()} before MINA sees it.
     */
    private final class MeteredOutputStream extends BufferedOutputStream {

        private final FileChannel channel;
        private final TransferMeter meter;
        private boolean closed;

        MeteredOutputStream(FileChannel channel, TransferMeter meter) {
            super(Channels.newOutputStream(channel), MeteredInputStream.BUFFER);
            this.channel = channel;
            this.meter = meter;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            try {
                super.write(b);
            } catch (IOException e) {
                throw recorded(e);
            }
            meter.add(1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                super.write(bytes, offset, length);
            } catch (IOException e) {
                throw recorded(e);
            }
            meter.add(length);
        }

        @Override
        public synchronized void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try (channel) {
                flush();
                channel.force(true);
            } catch (IOException e) {
                throw recorded(e);
            }
        }
    }
}
