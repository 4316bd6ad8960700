package dev.ioslab.commands.exec;

import dev.ioslab.cli.Invocation;
import dev.ioslab.fs.AtomicWrite;
import dev.ioslab.fs.FileEntry;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.LocalUrl;
import dev.ioslab.image.VerificationPool;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The flash side of every copy into a file: opening the atomic write (erasing the file system first for
 * {@code /erase}), committing it, and {@code /verify}'s signature check of the written file. The disk work runs on
 * the file-I/O executor, hashing on the shared {@link VerificationPool}.
 */
final class FlashWriter {

    private final Executor fileIo;
    private final SignatureVerification signatures;

    FlashWriter(Executor fileIo, VerificationPool pool) {
        this.fileIo = fileIo;
        this.signatures = new SignatureVerification(pool);
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

    /**
     * {@code copy /verify} (reference §5.8): checks the copied file's digital signature against the device's keys on
     * the shared pool and prints IOS's block; a file that fails the check is deleted after IOS's {@code %ERROR:}
     * lines, so flash is as it was before the copy.
     */
    CompletableFuture<Void> verify(Invocation inv, LocalUrl to) {
        inv.stream("Verifying file integrity of " + to.display() + "\n");
        return signatures.verify(inv, to, true).handle((result, error) -> {
            Throwable cause = CopyReport.unwrap(error);
            if (cause == null) {
                SignatureVerification.debugLines(inv, result, to.display()).forEach(inv::println);
                SignatureVerification.report(result, to.display()).forEach(inv::println);
                if (result.isValid()) {
                    return null;
                }
            } else if (!(cause instanceof CancellationException)) {
                inv.startLine();
                inv.println("%Error reading " + to.display() + " (I/O error)");
            }
            SignatureVerification.copyAborted(to.display()).forEach(inv::println);
            try {
                to.fileSystem().delete(to.path());
            } catch (FsException e) {
                FileArgument.report(inv, "deleting", to, e);
            }
            return null;
        });
    }
}
