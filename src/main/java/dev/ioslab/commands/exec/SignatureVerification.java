package dev.ioslab.commands.exec;

import dev.ioslab.cli.Invocation;
import dev.ioslab.device.Device;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.LocalUrl;
import dev.ioslab.image.DigisignMessage;
import dev.ioslab.image.ImageCheck;
import dev.ioslab.image.Inspection;
import dev.ioslab.image.VerificationListener;
import dev.ioslab.image.VerificationPool;
import dev.ioslab.image.VerificationResult;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * Signature checks of files on a session's device, for {@code verify}, {@code copy /verify} and the
 * {@code show software authenticity} commands: the check runs on the shared {@link VerificationPool} as a task of the
 * device, against the device's key storage, and the session sees {@code Starting image verification} as soon as a
 * worker takes it up. Also renders what IOS prints afterwards (reference §4.4, §5.8).
 *
 * <p>Threading: {@link #verify} and {@link #inspect} only open the file and queue the task; they never block. The
 * returned future completes on a pool worker.
 */
public final class SignatureVerification {

    private final VerificationPool pool;

    public SignatureVerification(VerificationPool pool) {
        this.pool = pool;
    }

    /**
     * Checks the signed image {@code file} of the session's device. Completes with the result whatever the file
     * holds; fails with {@link FsException} when the file cannot be opened (report it with IOS's
     * {@code %Error opening}), an {@link java.io.IOException} when it cannot be read, and a
     * {@link java.util.concurrent.CancellationException} when the session went away meanwhile.
     *
     * @param md5 also compute the MD5 of the whole file, which the report prints as the {@code CCO Hash}
     */
    public CompletableFuture<VerificationResult> verify(Invocation inv, LocalUrl file, boolean md5) {
        VerificationListener progress = new VerificationListener() {
            @Override
            public void started() {
                inv.stream("Starting image verification\n");
            }
        };
        CompletableFuture<VerificationResult> work = verify(inv.context().device(), file,
                new ImageCheck(md5, progress, inv::isCancelled));
        // Ctrl-C takes a queued check out of the pool's queue at once and stops a running one at its next chunk.
        inv.onAbort(() -> work.cancel(true));
        return work;
    }

    /**
     * Checks {@code file} of {@code device} against its key storage, as a task of the device, without a session
     * (boot-time checks); fails as {@link #verify(Invocation, LocalUrl, boolean)} does.
     */
    public CompletableFuture<VerificationResult> verify(Device device, LocalUrl file, ImageCheck check) {
        FileChannel channel;
        try {
            channel = file.fileSystem().openChannel(file.path());
        } catch (FsException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<VerificationResult> work = pool.verifyImage(device.name(), channel,
                device.softwareAuthenticity().keys(), check);
        // The caller keeps the pool's own future: cancelling it must still take the task out of the queue.
        work.whenComplete((result, error) -> device.events().publish(VerificationEvents.of(file.display(), result,
                error)));
        return work;
    }

    /**
     * Reads the envelope of {@code file} without hashing it; fails as {@link #verify} does. Ctrl-C takes it out of
     * the pool's queue at once.
     */
    public CompletableFuture<Inspection> inspect(Invocation inv, LocalUrl file) {
        CompletableFuture<Inspection> work;
        try {
            work = pool.inspectImage(inv.context().device().name(), file.fileSystem().openChannel(file.path()));
        } catch (FsException e) {
            return CompletableFuture.failedFuture(e);
        }
        inv.onAbort(() -> work.cancel(true));
        return work;
    }

    /**
     * What IOS prints after {@code Starting image verification} (reference §4.4): the hash computation, the
     * computed and embedded SHA-512 and, when computed, the MD5 of the file ({@code CCO Hash}), then
     * {@code Digital signature successfully verified in file <path>} or the {@code %DIGISIGN-} message of the
     * failure. A file without a readable envelope gets only its message.
     *
     * @param path the file as the user named it
     */
    public static List<String> report(VerificationResult result, String path) {
        List<String> lines = new ArrayList<>();
        if (result.computedSha512().isPresent()) {
            lines.add("Hash Computation:    100% Done!");
            lines.addAll(AuthenticityText.sha2("Computed Hash   ", result.computedSha512().get()));
            result.embeddedSha512().ifPresent(h -> lines.addAll(AuthenticityText.sha2("Embedded Hash   ", h)));
            result.md5().ifPresent(h -> lines.add("CCO Hash        MD5 : " + h.toUpperCase(Locale.ROOT)));
        }
        lines.add(result.isValid() ? "Digital signature successfully verified in file " + path
                : DigisignMessage.forFailure(result, path));
        return lines;
    }

    /**
     * The {@code debug software authenticity} lines about a check of {@code path}, when the device has debugging on
     * and the session has {@code terminal monitor}; otherwise none.
     */
    public static List<String> debugLines(Invocation inv, VerificationResult result, String path) {
        return AuthenticityDebug.verification(inv, result, path);
    }

    /**
     * Returns {@code done} (the command's future, which prints the result) after arranging that cancelling it
     * cancels {@code work} too: the session that gives up on a command (Ctrl-C) takes a queued check out of the
     * pool's queue at once and stops a running one at its next chunk.
     */
    public static <T> CompletableFuture<Void> cancelling(CompletableFuture<T> work, CompletableFuture<Void> done) {
        done.whenComplete((v, e) -> {
            if (done.isCancelled()) {
                work.cancel(true);
            }
        });
        return done;
    }

    /**
     * Prints IOS's error when a check of {@code file} could not run ({@code %Error opening …} for a file that cannot
     * be opened, {@code %Error reading … (I/O error)} otherwise; nothing when the session gave up).
     *
     * @return false when there was no failure and the result is there to print
     */
    static boolean reportedFailure(Invocation inv, LocalUrl file, Throwable error) {
        Throwable cause = CopyReport.unwrap(error);
        if (cause == null) {
            return false;
        }
        if (cause instanceof FsException fs) {
            FileArgument.report(inv, "opening", file, fs);
        } else if (!(cause instanceof CancellationException)) {
            inv.startLine();
            inv.println("%Error reading " + file.display() + " (I/O error)");
        }
        return true;
    }

    /** What IOS prints when {@code copy /verify} refuses the copied file (reference §5.8); then it deletes it. */
    public static List<String> copyAborted(String destination) {
        return List.of("%ERROR: Not able to process Signature in " + destination + ".", "%ERROR: Aborting copy.");
    }
}
