package dev.ioslab.imageserver.ftp;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.ftpserver.filesystem.nativefs.NativeFileSystemFactory;
import org.apache.ftpserver.ftplet.FileSystemFactory;
import org.apache.ftpserver.ftplet.FileSystemView;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.User;

/**
 * Gives every login a {@link RootedFileSystemView} over MINA's native file system, rooted at the user's home (the
 * served folder for every user). The views share the set of uploads in progress, so that a name one session is
 * uploading to counts as taken in every session ({@code STOU} picks another). Threading: MINA's factory is
 * thread-safe, the shared set is concurrent.
 */
final class RootedFileSystemFactory implements FileSystemFactory {

    private final NativeFileSystemFactory nativeFactory = new NativeFileSystemFactory();
    private final RootBoundary boundary;
    private final LongSupplier nanoClock;
    private final Set<PendingUpload> uploadsInProgress = ConcurrentHashMap.newKeySet();

    RootedFileSystemFactory(RootBoundary boundary, LongSupplier nanoClock) {
        this.boundary = boundary;
        this.nanoClock = nanoClock;
        nativeFactory.setCreateHome(false);
    }

    @Override
    public FileSystemView createFileSystemView(User user) throws FtpException {
        return new RootedFileSystemView(nativeFactory.createFileSystemView(user), boundary, nanoClock,
                uploadsInProgress);
    }
}
