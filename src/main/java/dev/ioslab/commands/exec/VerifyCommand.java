package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.Command;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.LocalUrl;
import dev.ioslab.image.VerificationPool;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * {@code verify /md5 fs:file [expected]} and {@code verify /sha512 ...} (reference §4.4): progress dots while the
 * file is hashed on the shared {@link VerificationPool}, {@code MD5 of flash0:x Done!}, then
 * {@code verify /md5 (flash0:x) = <hex>}, or with an expected hash {@code Verified (flash0:x) = <hex>} /
 * {@code %Error verifying flash0:x} with the computed and submitted signatures. The path is echoed as typed.
 * Ctrl-C takes a queued hash out of the pool's queue at once and stops a running one at its next read.
 */
public final class VerifyCommand implements Command {

    private final VerificationPool pool;

    public VerifyCommand(VerificationPool pool) {
        this.pool = pool;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC)
                .syntax("verify (/md5|/sha512) URL:path [WORD:expected]")
                .help("verify", "Verify a file")
                .help("/md5", "Compute MD5 signature for a file")
                .help("/sha512", "Compute SHA512 signature for a file")
                .help("path", "File to verify")
                .help("expected", "Expected signature")
                .build();
    }

    @Override
    public CompletableFuture<Void> execute(Invocation inv) {
        boolean md5 = inv.has("/md5");
        String typed = inv.arg("path");
        Optional<LocalUrl> url = FileArgument.local(inv, "path", "opening");
        if (url.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        FileChannel channel;
        try {
            channel = url.get().fileSystem().openChannel(url.get().path());
        } catch (FsException e) {
            FileArgument.report(inv, "opening", url.get(), e);
            return CompletableFuture.completedFuture(null);
        }
        String algorithm = md5 ? "MD5" : "SHA-512";
        FileHasher hasher = new FileHasher(algorithm, new DotProgress(inv));
        String owner = inv.context().device().name();
        CompletableFuture<byte[]> work = pool.submit(owner, () -> hasher.hash(channel, inv::isCancelled));
        work.whenComplete((digest, error) -> {
            if (error != null) {
                // A hash that never ran (aborted while queued, pool closed) did not close the channel.
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // A read-only channel: nothing left to release.
                }
            }
        });
        inv.onAbort(() -> work.cancel(true));
        return SignatureVerification.cancelling(work, work.handle((digest, error) -> {
            if (error != null) {
                if (!(CopyReport.unwrap(error) instanceof CancellationException)) {
                    inv.startLine();
                    inv.println("%Error reading " + url.get().display() + " (I/O error)");
                }
                return null;
            }
            String hex = HexFormat.of().formatHex(digest);
            String expected = inv.arg("expected");
            inv.println("");
            inv.println((md5 ? "MD5" : "SHA512") + " of " + typed + " Done!");
            if (expected == null) {
                inv.println("");
                inv.println("verify " + (md5 ? "/md5" : "/sha512") + " (" + typed + ") = " + hex);
            } else if (expected.toLowerCase(Locale.ROOT).equals(hex)) {
                inv.println("Verified (" + typed + ") = " + hex);
            } else {
                inv.println("%Error verifying " + typed);
                inv.println("Computed signature = " + hex);
                inv.println("Submitted signature = " + expected);
            }
            return null;
        }));
    }
}
