package dev.ioslab.fs;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One file being written: bytes go to a hidden temp file in the destination's folder; {@link #commit()} fsyncs
 * and renames it over the destination in one step, {@link #abort()} deletes it. Capacity is reserved up front for
 * the expected size and grows with what is written, so two concurrent writes cannot both believe they fit. Any
 * failure (out of space, I/O error) aborts the write itself: nothing is left behind and the space is released.
 * {@link #close()} aborts an uncommitted write, so try-with-resources is safe.
 *
 * <p>Threading: methods are synchronised, so a session may abort from another thread; normally one thread writes.
 * {@link #write} does one blocking {@code FileChannel} write to local disk and otherwise waits only on a monitor
 * held for arithmetic, so it may run on an event loop. {@link #commit()} fsyncs the file (seconds for a large
 * image): call it from a worker, or use {@link #commitAsync}.
 */
public final class AtomicWrite implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicWrite.class);

    private enum State { OPEN, COMMITTED, ABORTED }

    private final IosFileSystem fileSystem;
    private final FsPath destination;
    private final Path temp;
    private final FileChannel channel;
    private long reservation;
    private long written;
    private State state = State.OPEN;

    AtomicWrite(IosFileSystem fileSystem, FsPath destination, Path temp, FileChannel channel, long reservation) {
        this.fileSystem = fileSystem;
        this.destination = destination;
        this.temp = temp;
        this.channel = channel;
        this.reservation = reservation;
    }

    /** Where the file will appear on commit. */
    public FsPath destination() {
        return destination;
    }

    /** Bytes written so far. */
    public synchronized long written() {
        return written;
    }

    /** Whether the write is neither committed nor aborted. */
    public synchronized boolean isOpen() {
        return state == State.OPEN;
    }

    /**
     * Reserves room for a file of {@code totalBytes} before its bytes arrive (a remote server announced the size), so
     * that a copy that cannot fit is refused before anything is written.
     *
     * @throws FsException {@link FsError#NOT_ENOUGH_SPACE} when the file system, or the host disk under it, cannot
     *         hold it; the write is then aborted
     */
    public synchronized void reserve(long totalBytes) throws FsException {
        requireOpen();
        try {
            HostSpace.require(temp.getParent(), totalBytes - written, destination);
        } catch (FsException e) {
            abort();
            throw e;
        }
        growTo(totalBytes);
    }

    private void growTo(long totalBytes) throws FsException {
        if (totalBytes > reservation) {
            try {
                fileSystem.growReservation(this, totalBytes - reservation);
            } catch (FsException e) {
                abort();
                throw e;
            }
            reservation = totalBytes;
        }
    }

    /**
     * Appends all remaining bytes of {@code bytes}.
     *
     * @throws FsException {@link FsError#NOT_ENOUGH_SPACE} when the file would outgrow the free space or the host
     *         disk is full, the host's cause mapped by {@link HostFailureCause} on any other host failure
     *         ({@link FsError#READ_ONLY}, {@link FsError#IO_ERROR} …), {@link FsError#IO_ERROR} when the write was
     *         already committed or aborted; in every case the write is aborted
     */
    public synchronized void write(ByteBuffer bytes) throws FsException {
        requireOpen();
        int length = bytes.remaining();
        long needed = written + length;
        growTo(needed);
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            abort();
            throw hostFailure(e);
        }
        written = needed;
    }

    /**
     * Makes the file visible under its destination name: fsync, atomic rename (replacing an existing file), fsync
     * of the folder, reservation released. Blocks on the disk.
     *
     * @return the new file's entry
     * @throws FsException when the destination became impossible (folder gone, a directory in the way) or on a host
     *         failure; the write is then aborted
     */
    public synchronized FileEntry commit() throws FsException {
        requireOpen();
        try {
            channel.force(true);
            channel.close();
            FileEntry entry = fileSystem.commitWrite(this, temp, written, reservation);
            state = State.COMMITTED;
            return entry;
        } catch (IOException e) {
            abort();
            throw hostFailure(e);
        } catch (FsException e) {
            abort();
            throw e;
        }
    }

    /** {@link #commit()} on {@code executor}; the future fails with a {@link CompletionException} around the error. */
    public CompletableFuture<FileEntry> commitAsync(Executor executor) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return commit();
            } catch (FsException e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    /** Deletes the temp file and releases the reservation; does nothing when already committed or aborted. */
    public synchronized void abort() {
        if (state != State.OPEN) {
            return;
        }
        state = State.ABORTED;
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing temp file of {} failed: {}", destination, e.toString());
        }
        try {
            fileSystem.deleteTemp(temp);
        } catch (IOException e) {
            // The space is still released: removeLeftovers() at the next boot deletes the file.
            LOG.warn("Could not delete temp file {} of aborted write to {}: {}", temp, destination, e.toString());
        }
        fileSystem.finishWrite(this, reservation);
        LOG.debug("Aborted write to {} after {} bytes", destination, written);
    }

    /** Aborts the write unless it was committed. */
    @Override
    public void close() {
        abort();
    }

    Path temp() {
        return temp;
    }

    private FsException hostFailure(IOException e) {
        FsException mapped = HostFailureCause.exception(destination.display(), e);
        LOG.debug("Write to {} failed after {} bytes: {} ({})", destination, written, mapped.error().reason(),
                e.toString());
        return mapped;
    }

    private void requireOpen() throws FsException {
        if (state != State.OPEN) {
            throw new FsException(FsError.IO_ERROR, destination.display());
        }
    }
}
