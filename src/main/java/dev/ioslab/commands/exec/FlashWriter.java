package dev.ioslab.commands.exec;

import dev.ioslab.cli.Invocation;
import dev.ioslab.fs.AtomicWrite;
import dev.ioslab.fs.FileEntry;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.LocalUrl;
import dev.ioslab.image.VerificationPool;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The flash side of every copy into a file: opening the atomic write (erasing the file system first for
 * {@code /erase}), committing it, and {@code /verify}'s comparison of the written file with what arrived. The disk
 * work runs on the file-I/O executor, hashing on the shared {@link VerificationPool}.
 */
final class FlashWriter {

    private final Executor fileIo;
    private final VerificationPool pool;

    FlashWriter(Executor fileIo, VerificationPool pool) {
        this.fileIo = fileIo;
        this.pool = pool;
    }

    Executor fileIo() {
        return fileIo;
    }

    /** Begins the write of {@code to}, reserving {@code expected} bytes (0 when unknown). */
    CompletableFuture<AtomicWrite> open(LocalUrl to, long expected, boolean erase) {
        // Erasing and reserving walk the file system's folder: file-I/O work, not session work.
        return CompletableFuture.supplyAsync(() -> {
            try {
                if (erase) {
                    to.fileSystem().format();
                }
                return to.fileSystem().beginWrite(to.path(), expected);
            } catch (FsException e) {
                throw new CompletionException(e);
            }
        }, fileIo);
    }

    /** fsync and rename on the file-I/O executor. */
    CompletableFuture<FileEntry> commit(AtomicWrite write) {
        return write.commitAsync(fileIo);
    }

    /** {@code copy /verify}: hashes the written file on the pool and compares it with the MD5 of what arrived. */
    CompletableFuture<Void> verify(Invocation inv, LocalUrl to, byte[] expected) {
        FileChannel channel;
        try {
            channel = to.fileSystem().openChannel(to.path());
        } catch (FsException e) {
            FileArgument.report(inv, "verifying", to, e);
            return CompletableFuture.completedFuture(null);
        }
        inv.stream("Verifying file integrity of " + to.display());
        FileHasher hasher = new FileHasher("MD5", new DotProgress(inv));
        return pool.submit(inv.context().device().name(), () -> hasher.hash(channel, inv::isCancelled))
                .handle((digest, error) -> {
                    if (error == null && Arrays.equals(digest, expected)) {
                        inv.println("Done!");
                        return null;
                    }
                    inv.startLine();
                    inv.println("%Error verifying " + to.display());
                    try {
                        to.fileSystem().delete(to.path());
                    } catch (FsException e) {
                        FileArgument.report(inv, "deleting", to, e);
                    }
                    return null;
                });
    }
}
