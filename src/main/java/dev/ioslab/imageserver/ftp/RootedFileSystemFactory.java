package dev.ioslab.imageserver.ftp;

import java.util.function.LongSupplier;
import org.apache.ftpserver.filesystem.nativefs.NativeFileSystemFactory;
import org.apache.ftpserver.ftplet.FileSystemFactory;
import org.apache.ftpserver.ftplet.FileSystemView;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.User;

/**
 * Gives every login a {@link RootedFileSystemView} over MINA's native file system, rooted at the user's home (the
 * served folder for every user). Threading: stateless apart from MINA's factory, which is thread-safe.
 */
final class RootedFileSystemFactory implements FileSystemFactory {

    private final NativeFileSystemFactory nativeFactory = new NativeFileSystemFactory();
    private final RootBoundary boundary;
    private final LongSupplier nanoClock;

    RootedFileSystemFactory(RootBoundary boundary, LongSupplier nanoClock) {
        this.boundary = boundary;
        this.nanoClock = nanoClock;
        nativeFactory.setCreateHome(false);
    }

    @Override
    public FileSystemView createFileSystemView(User user) throws FtpException {
        return new RootedFileSystemView(nativeFactory.createFileSystemView(user), boundary, nanoClock);
    }
}
