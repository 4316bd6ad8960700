package dev.ioslab.imageserver.ftp;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import dev.ioslab.imageserver.tftp.TftpServer;
import org.apache.ftpserver.ftplet.FtpFile;

/**
 * A file of MINA's native file system as seen through {@link RootBoundary}: when its real path (links resolved) lies
 * outside the root it does not exist, cannot be read, listed, entered or written, and listings leave it out. The same
 * holds for the temporary file of an upload in progress, this server's or the TFTP server's (both write into
 * {@code upload/}). Writes further need MINA's write permission (upload users, under {@code /upload/}), go through
 * a {@link PendingUpload} and start at offset 0 (no resume, no append). A rename needs the right to remove the source
 * as well as to write the target, which MINA's own {@code RNTO} does not ask.
 *
 * <p>Threading: created and used by the MINA worker running its session's command.
 */
final class RootedFtpFile implements FtpFile {

    private final FtpFile delegate;
    private final Path physical;
    private final RootedFileSystemView view;

    RootedFtpFile(FtpFile delegate, Path physical, RootedFileSystemView view) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.physical = physical;
        this.view = view;
    }

    /** Whether the real path lies inside the root; never for a name that is no path on this host (null). */
    private boolean inside() {
        return physical != null && view.boundary().contains(physical);
    }

    /**
     * Whether this is the temporary file of an upload in progress, of this server or of the TFTP server whose uploads
     * go into the same {@code upload/} folder: it is neither shown, read, written, renamed nor removed.
     */
    private boolean inProgress() {
        String name = getName();
        return PendingUpload.isTemporaryName(name) || TftpServer.isUploadInProgress(name);
    }

    @Override
    public String getAbsolutePath() {
        return delegate.getAbsolutePath();
    }

    @Override
    public String getName() {
        return delegate.getName();
    }

    @Override
    public boolean isHidden() {
        return delegate.isHidden();
    }

    @Override
    public boolean isDirectory() {
        return inside() && delegate.isDirectory();
    }

    @Override
    public boolean isFile() {
        return inside() && delegate.isFile();
    }

    /** A name an upload in progress will take exists already, so that {@code STOU} never gives it out twice. */
    @Override
    public boolean doesExist() {
        return !inProgress() && inside() && (delegate.doesExist() || view.uploadGoingTo(physical));
    }

    @Override
    public boolean isReadable() {
        return !inProgress() && inside() && delegate.isReadable();
    }

    @Override
    public boolean isWritable() {
        return !inProgress() && inside() && delegate.isWritable();
    }

    @Override
    public boolean isRemovable() {
        return !inProgress() && inside() && delegate.isRemovable();
    }

    @Override
    public String getOwnerName() {
        return delegate.getOwnerName();
    }

    @Override
    public String getGroupName() {
        return delegate.getGroupName();
    }

    @Override
    public int getLinkCount() {
        return delegate.getLinkCount();
    }

    @Override
    public long getLastModified() {
        return inside() ? delegate.getLastModified() : 0;
    }

    /** {@code MFMT}: MINA asks no permission for it, so the write right is checked here. */
    @Override
    public boolean setLastModified(long time) {
        return isWritable() && delegate.setLastModified(time);
    }

    @Override
    public long getSize() {
        return inside() ? delegate.getSize() : 0;
    }

    @Override
    public Object getPhysicalFile() {
        return delegate.getPhysicalFile();
    }

    @Override
    public boolean mkdir() {
        return isWritable() && delegate.mkdir();
    }

    @Override
    public boolean delete() {
        return isRemovable() && delegate.delete();
    }

    @Override
    public boolean move(FtpFile destination) {
        return destination instanceof RootedFtpFile target && isRemovable() && isReadable() && target.isWritable()
                && delegate.move(target.delegate);
    }

    @Override
    public List<? extends FtpFile> listFiles() {
        if (!inside()) {
            return null;
        }
        List<? extends FtpFile> files = delegate.listFiles();
        if (files == null) {
            return null;
        }
        return files.stream().map(view::wrap)
                .filter(file -> !file.inProgress() && file.inside())
                .toList();
    }

    @Override
    public OutputStream createOutputStream(long offset) throws IOException {
        if (!isWritable()) {
            throw new IOException("permission denied: " + getAbsolutePath());
        }
        if (offset != 0) {
            throw new IOException("the image repository stores whole files only (no REST, no APPE onto a file)");
        }
        Path real = view.boundary().resolve(physical)
                .orElseThrow(() -> new FileNotFoundException(getAbsolutePath()));
        if (Files.isDirectory(real)) {
            throw new IOException(getAbsolutePath() + " is a folder");
        }
        return view.openForUpload(real, getAbsolutePath());
    }

    @Override
    public InputStream createInputStream(long offset) throws IOException {
        Path real = Optional.ofNullable(physical).flatMap(view.boundary()::resolve)
                .orElseThrow(() -> new FileNotFoundException(getAbsolutePath()));
        if (!Files.isRegularFile(real)) {
            throw new FileNotFoundException(getAbsolutePath());
        }
        return view.openForDownload(real, getAbsolutePath(), offset);
    }

    @Override
    public String toString() {
        return getAbsolutePath();
    }
}
