package dev.ioslab.imageserver.ftp;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.ftpserver.ftplet.FileSystemView;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session's view of the served folder: MINA's native view (names, working directory, {@code ..} stopping at the
 * root) with every file wrapped in a {@link RootedFtpFile}, so nothing a link points to outside the root can be read,
 * listed, entered or written. It also holds the session's current {@link TransferMeter} and {@link PendingUpload},
 * which the transfer log and the watchdog read.
 *
 * <p>Threading: MINA runs one session's commands one at a time on its workers; {@link #currentTransfer()} is also
 * read by the watchdog thread, hence volatile.
 */
final class RootedFileSystemView implements FileSystemView {

    private static final Logger LOG = LoggerFactory.getLogger(RootedFileSystemView.class);

    private final FileSystemView nativeView;
    private final RootBoundary boundary;
    private final LongSupplier nanoClock;
    private final Set<PendingUpload> uploadsInProgress;
    private volatile TransferMeter transfer;
    private PendingUpload upload;
    private IOException refusedUpload;

    /** {@code uploadsInProgress}: every session's uploads in progress, shared by the server's views. */
    RootedFileSystemView(FileSystemView nativeView, RootBoundary boundary, LongSupplier nanoClock,
                         Set<PendingUpload> uploadsInProgress) {
        this.nativeView = nativeView;
        this.boundary = boundary;
        this.nanoClock = nanoClock;
        this.uploadsInProgress = uploadsInProgress;
    }

    @Override
    public FtpFile getHomeDirectory() throws FtpException {
        return wrap(nativeView.getHomeDirectory());
    }

    @Override
    public FtpFile getWorkingDirectory() throws FtpException {
        return wrap(nativeView.getWorkingDirectory());
    }

    @Override
    public FtpFile getFile(String name) throws FtpException {
        return wrap(nativeView.getFile(name));
    }

    @Override
    public boolean changeWorkingDirectory(String dir) throws FtpException {
        return getFile(dir).isDirectory() && nativeView.changeWorkingDirectory(dir);
    }

    @Override
    public boolean isRandomAccessible() throws FtpException {
        return nativeView.isRandomAccessible();
    }

    /** The session ended: an upload still pending never completed. */
    @Override
    public void dispose() {
        finishUpload(false);
        nativeView.dispose();
    }

    /** The transfer the current command moves, if it has opened its file. */
    TransferMeter currentTransfer() {
        return transfer;
    }

    /** Returns and forgets the current command's transfer, or null when it opened no file. */
    TransferMeter takeTransfer() {
        TransferMeter taken = transfer;
        transfer = null;
        return taken;
    }

    /**
     * Ends the current upload: on success the file takes its name, otherwise the partial file is deleted.
     *
     * @return whether a completed upload is now in place (false when there was none, it failed, or renaming failed)
     */
    boolean finishUpload(boolean succeeded) {
        PendingUpload pending = upload;
        upload = null;
        refusedUpload = null;
        if (pending == null) {
            return false;
        }
        try {
            if (succeeded && boundary.contains(pending.target())) {
                pending.commit();
                return true;
            }
            pending.discard();
        } catch (IOException failure) {
            LOG.warn("FTP upload to {} could not be finished: {}", pending.target(), failure.toString());
            try {
                pending.discard();
            } catch (IOException alsoFailed) {
                failure.addSuppressed(alsoFailed);
            }
        } finally {
            uploadsInProgress.remove(pending);
        }
        return false;
    }

    /**
     * Whether an upload in progress, of any session, will put its file at {@code physical}: the name is taken even
     * though the file appears only when complete (MINA's {@code STOU} must not hand it out again).
     */
    boolean uploadGoingTo(Path physical) {
        if (uploadsInProgress.isEmpty()) {
            return false;
        }
        Optional<Path> real = boundary.resolve(physical);
        return real.isPresent() && uploadsInProgress.stream().anyMatch(pending -> pending.target().equals(real.get()));
    }

    /**
     * Drops the current upload before the reply that says it failed goes out, so a client that hears the failure
     * finds nothing left behind; why the host failed, if it did, is kept for the transfer log.
     */
    void abandonUpload() {
        PendingUpload pending = upload;
        IOException failure = pending == null ? refusedUpload : pending.hostFailure().orElse(null);
        finishUpload(false);
        refusedUpload = failure;
    }

    /** Why the host could not store the current upload (disk full, read-only, I/O error), if it could not. */
    Optional<IOException> uploadFailure() {
        PendingUpload pending = upload;
        return pending == null ? Optional.ofNullable(refusedUpload) : pending.hostFailure();
    }

    InputStream openForDownload(Path real, String ftpPath, long offset) throws IOException {
        FileChannel channel = FileChannel.open(real, StandardOpenOption.READ);
        try {
            channel.position(offset);
        } catch (IOException | RuntimeException failure) {
            channel.close();
            throw failure;
        }
        TransferMeter meter = new TransferMeter(TransferMeter.Direction.DOWNLOAD, ftpPath, nanoClock);
        transfer = meter;
        return new MeteredInputStream(Channels.newInputStream(channel), meter);
    }

    OutputStream openForUpload(Path real, String ftpPath) throws IOException {
        finishUpload(false);
        PendingUpload pending;
        try {
            pending = PendingUpload.begin(real);
        } catch (IOException failure) {
            refusedUpload = failure;
            throw failure;
        }
        TransferMeter meter = new TransferMeter(TransferMeter.Direction.UPLOAD, ftpPath, nanoClock);
        OutputStream stream;
        try {
            stream = pending.open(meter);
        } catch (IOException failure) {
            refusedUpload = failure;
            pending.discard();
            throw failure;
        }
        upload = pending;
        uploadsInProgress.add(pending);
        transfer = meter;
        return stream;
    }

    RootBoundary boundary() {
        return boundary;
    }

    /**
     * A client's name that is no path at all on this host (a NUL byte in it) gives a file that does not exist, rather
     * than an exception MINA would log as its own failure, with a stack trace, at WARN.
     */
    RootedFtpFile wrap(FtpFile file) {
        Path physical;
        try {
            physical = ((File) file.getPhysicalFile()).toPath();
        } catch (InvalidPathException notAPath) {
            physical = null;
        }
        return new RootedFtpFile(file, physical, this);
    }
}
