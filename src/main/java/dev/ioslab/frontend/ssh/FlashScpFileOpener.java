package dev.ioslab.frontend.ssh;

import dev.ioslab.fs.AtomicWrite;
import dev.ioslab.fs.FileEntry;
import dev.ioslab.fs.FileSystemTable;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.FsPath;
import dev.ioslab.transfer.TransferFault;
import dev.ioslab.transfer.TransferSettings;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.sshd.common.file.util.MockPath;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.scp.common.ScpFileOpener;
import org.apache.sshd.scp.common.ScpSourceStreamResolver;
import org.apache.sshd.scp.common.ScpTargetStreamResolver;
import org.apache.sshd.scp.common.helpers.ScpAckInfo;
import org.apache.sshd.scp.common.helpers.ScpTimestampCommandDetails;

/**
 * Bends MINA's {@code ScpHelper} onto the device's flash: every {@link Path} it handles is a {@link MockPath}
 * carrying an IOS path ({@code flash0:/image.bin}), turned back into an {@link FsPath} through
 * {@link FileSystemTable#resolve} whenever a file is touched, so the path rules (no traversal, no links, no hidden
 * names) apply to the command's path and to every name a client puts in a {@code C} line. No host path is ever used.
 *
 * <p>Uploads go through {@link dev.ioslab.fs.IosFileSystem#beginWrite(FsPath, long)} with the size the client
 * announced, so a file that does not fit is refused before any byte is sent. A file is committed (fsync, rename)
 * only when all announced bytes arrived and the client's status after them is {@code \0}, and before we acknowledge
 * it; every other outcome aborts the write, leaving the file system as it was. {@link #close()} aborts what is still
 * open, whatever went wrong.
 *
 * <p>Threading: one instance per SCP channel, used by that channel's command thread only.
 */
final class FlashScpFileOpener implements ScpFileOpener, Closeable {

    /** What {@code C} lines carry for every file we send: IOS has no modes, 0644 is what OpenSSH expects. */
    private static final Set<PosixFilePermission> FILE_MODE = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    private final ScpTarget target;
    private final FileSystemTable fileSystems;
    private final SenderStatusInput senderStatus;
    private final String sentName;
    private final List<AtomicWrite> writes = new ArrayList<>();
    private final List<Closeable> reads = new ArrayList<>();
    private final List<FileEntry> committed = new ArrayList<>();
    private final List<TransferFault> faults;

    /**
     * @param sentName the name {@code C} lines carry for a file we send. OpenSSH (since 8.0) refuses a file whose
     *                 name is not the last {@code /}-separated part of the path it asked for, so it must be the
     *                 client's own spelling: {@code flash0:image.bin} when asked for {@code flash0:image.bin},
     *                 {@code image.bin} when asked for {@code flash0:/image.bin}
     */
    FlashScpFileOpener(ScpTarget target, SenderStatusInput senderStatus, String sentName) {
        this(target, senderStatus, sentName, List.of());
    }

    /** As above, with an upload's bytes suffering {@code faults} ({@link ScpFaultStream}). */
    FlashScpFileOpener(ScpTarget target, SenderStatusInput senderStatus, String sentName,
                       List<TransferFault> faults) {
        this.faults = faults;
        this.target = target;
        this.fileSystems = target.fileSystems();
        this.senderStatus = senderStatus;
        this.sentName = sentName;
    }

    /** The {@link Path} under which {@code ScpHelper} carries {@code path}. */
    static Path pathOf(FsPath path) {
        return new MockPath(path.display());
    }

    /** Files committed so far, in order. */
    List<FileEntry> committed() {
        return List.copyOf(committed);
    }

    @Override
    public Path resolveLocalPath(Session session, FileSystem fileSystem, String commandPath) throws IOException {
        return pathOf(resolve(commandPath));
    }

    @Override
    public Path resolveIncomingReceiveLocation(Session session, Path path, boolean recursive, boolean shouldBeDir,
                                               boolean preserve) throws IOException {
        FsPath location = resolve(path);
        if (shouldBeDir && !isDirectory(location)) {
            throw new ScpFailure("%Error copying " + location.display() + " (Not a directory)");
        }
        return path;
    }

    @Override
    public Path resolveIncomingFilePath(Session session, Path localPath, String name, boolean preserve,
                                        Set<PosixFilePermission> permissions, ScpTimestampCommandDetails time)
            throws IOException {
        return pathOf(destination(resolve(localPath), name));
    }

    @Override
    public Path resolveOutgoingFilePath(Session session, Path localPath, LinkOption... options) throws IOException {
        FsPath file = resolve(localPath);
        stat(file);
        return localPath;
    }

    @Override
    public boolean sendAsRegularFile(Session session, Path path, LinkOption... options) throws IOException {
        return !stat(resolve(path)).directory();
    }

    @Override
    public boolean sendAsDirectory(Session session, Path path, LinkOption... options) throws IOException {
        return stat(resolve(path)).directory();
    }

    @Override
    public Iterable<Path> getMatchingFilesToSend(Session session, Path basedir, String pattern) throws IOException {
        throw new ScpFailure("%Error: wildcards are not supported by the SCP server");
    }

    @Override
    public DirectoryStream<Path> getLocalFolderChildren(Session session, Path path) throws IOException {
        throw new ScpFailure("%Error: recursive copy is not supported by the SCP server");
    }

    @Override
    public InputStream openRead(Session session, Path file, long size, Set<PosixFilePermission> permissions,
                                OpenOption... options) throws IOException {
        FsPath path = resolve(file);
        try {
            InputStream in = Channels.newInputStream(path.fileSystem().openChannel(path));
            reads.add(in);
            return in;
        } catch (FsException e) {
            throw new ScpFailure(ScpFailure.opening(e), e);
        }
    }

    @Override
    public OutputStream openWrite(Session session, Path file, long size, Set<PosixFilePermission> permissions,
                                  OpenOption... options) throws IOException {
        FsPath path = resolve(file);
        try {
            // Reserves the announced size now: a file that cannot fit is refused before its first byte.
            AtomicWrite write = path.fileSystem().beginWrite(path, size);
            writes.add(write);
            return new AtomicWriteStream(write);
        } catch (FsException e) {
            throw new ScpFailure(ScpFailure.copying(e), e);
        }
    }

    @Override
    public ScpSourceStreamResolver createScpSourceStreamResolver(Session session, Path path) throws IOException {
        FsPath file = resolve(path);
        FileEntry entry = stat(file);
        try {
            FileChannel channel = file.fileSystem().openChannel(file);
            reads.add(channel);
            return new FlashSource(file, sentName.isEmpty() ? file.name() : sentName, entry, channel,
                    target.source(file, channel));
        } catch (FsException e) {
            throw new ScpFailure(ScpFailure.opening(e), e);
        }
    }

    @Override
    public ScpTargetStreamResolver createScpTargetStreamResolver(Session session, Path path) throws IOException {
        return new FlashTarget(resolve(path));
    }

    /** Aborts every write not committed and closes every file opened for reading. Idempotent. */
    @Override
    public void close() {
        for (AtomicWrite write : writes) {
            write.abort();
        }
        writes.clear();
        for (Closeable read : reads) {
            try {
                read.close();
            } catch (IOException e) {
                // A read-only descriptor: nothing was changed, nothing to report to the client.
            }
        }
        reads.clear();
    }

    private FsPath resolve(Path path) throws ScpFailure {
        return resolve(path.toString());
    }

    private FsPath resolve(String iosPath) throws ScpFailure {
        try {
            return fileSystems.resolve(iosPath, null);
        } catch (FsException e) {
            throw new ScpFailure(ScpFailure.opening(e), e);
        }
    }

    private static FileEntry stat(FsPath path) throws ScpFailure {
        try {
            return path.fileSystem().stat(path);
        } catch (FsException e) {
            throw new ScpFailure(ScpFailure.opening(e), e);
        }
    }

    private static boolean isDirectory(FsPath path) throws ScpFailure {
        try {
            return path.fileSystem().exists(path) && path.fileSystem().stat(path).directory();
        } catch (FsException e) {
            throw new ScpFailure(ScpFailure.copying(e), e);
        }
    }

    /** Where a file named {@code name} in a {@code C} line goes when the client asked for {@code target}. */
    private static FsPath destination(FsPath target, String name) throws ScpFailure {
        if (!isDirectory(target)) {
            return target;
        }
        try {
            return target.child(name);
        } catch (FsException e) {
            throw new ScpFailure(ScpFailure.copying(e), e);
        }
    }

    /** Receives one file into an atomic write; see the class comment for when it commits. */
    private final class FlashTarget implements ScpTargetStreamResolver {

        private final FsPath target;
        private FsPath destination;
        private AtomicWriteStream stream;
        private ScpFaultStream faulty;

        FlashTarget(FsPath target) {
            this.target = target;
        }

        @Override
        public OutputStream resolveTargetStream(Session session, String name, long length,
                                                Set<PosixFilePermission> permissions, OpenOption... options)
                throws IOException {
            destination = destination(target, name);
            if (length < 0) {
                throw new ScpFailure("%Error copying " + destination.display() + " (Invalid argument)");
            }
            stream = (AtomicWriteStream) openWrite(session, pathOf(destination), length, permissions, options);
            faulty = faults.isEmpty() ? null : new ScpFaultStream(stream, destination.display(), faults,
                    TransferSettings.defaults().idleTimeout());
            return faulty == null ? stream : faulty;
        }

        @Override
        public void closeTargetStream(Session session, String name, long length,
                                      Set<PosixFilePermission> permissions, OutputStream os) throws IOException {
            if (faulty != null && faulty.failure() != null) {
                stream.atomicWrite().abort();
                throw faulty.failure();
            }
            if (stream.failure() != null) {
                // All announced bytes were read and dropped: the client now waits for our status and prints it.
                throw stream.failure();
            }
            long written = stream.atomicWrite().written();
            if (written != length) {
                // ScpHelper stops copying at end of stream without complaint: the client went away mid-file.
                stream.atomicWrite().abort();
                throw new ScpFailure("%Error copying " + destination.display() + " (connection closed after "
                        + written + " of " + length + " bytes)");
            }
        }

        @Override
        public Path getEventListenerFilePath() {
            return pathOf(destination != null ? destination : target);
        }

        @Override
        public void postProcessReceivedData(String name, boolean preserve, Set<PosixFilePermission> permissions,
                                            ScpTimestampCommandDetails time) throws IOException {
            AtomicWrite write = stream.atomicWrite();
            // The sender writes \0 after the data when it read its file cleanly, \1 or \2 and a message otherwise.
            if (senderStatus.peek() != ScpAckInfo.OK) {
                write.abort();
                throw new ScpFailure("%Error copying " + destination.display() + " (aborted by the client)");
            }
            try {
                committed.add(write.commit());
            } catch (FsException e) {
                throw new ScpFailure(ScpFailure.copying(e), e);
            }
        }

        @Override
        public String toString() {
            return "FlashTarget[" + target + "]";
        }
    }

    /**
     * Sends one file from a channel opened before the {@code C} line, so size and bytes are of one version. A read
     * that fails part-way ends the data with zeros and then, instead of the {@code \0} status, an SCP error the
     * client prints ({@code %Error reading flash0:/x.bin (I/O error)}): {@link #closeSourceStream} throws it before
     * MINA's {@code ScpHelper} would send {@code \0}.
     */
    private static final class FlashSource implements ScpSourceStreamResolver {

        private final FsPath file;
        private final String name;
        private final FileEntry entry;
        private final FileChannel channel;
        private final ReadableByteChannel bytes;
        private AnnouncedLengthSource stream;

        FlashSource(FsPath file, String name, FileEntry entry, FileChannel channel, ReadableByteChannel bytes) {
            this.file = file;
            this.name = name;
            this.entry = entry;
            this.channel = channel;
            this.bytes = bytes;
        }

        @Override
        public String getFileName() {
            return name;
        }

        @Override
        public Path getEventListenerFilePath() {
            return pathOf(file);
        }

        @Override
        public Collection<PosixFilePermission> getPermissions() {
            return FILE_MODE;
        }

        @Override
        public ScpTimestampCommandDetails getTimestamp() {
            FileTime modified = FileTime.from(entry.modified());
            return new ScpTimestampCommandDetails(modified, modified);
        }

        @Override
        public long getSize() throws IOException {
            return channel.size();
        }

        @Override
        public InputStream resolveSourceStream(Session session, long fileSize, Set<PosixFilePermission> permissions,
                                               OpenOption... options) {
            stream = new AnnouncedLengthSource(bytes, file, fileSize);
            return stream;
        }

        @Override
        public void closeSourceStream(Session session, long fileSize, Set<PosixFilePermission> permissions,
                                      InputStream in) throws IOException {
            bytes.close();
            channel.close();
            if (stream != null && stream.failure() != null) {
                throw ScpFailure.asStatusOfSentFile(ScpFailure.reading(stream.failure()), stream.failure());
            }
        }

        @Override
        public String toString() {
            return "FlashSource[" + file + "]";
        }
    }
}
