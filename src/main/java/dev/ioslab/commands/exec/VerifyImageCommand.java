package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.Command;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.fs.LocalUrl;
import dev.ioslab.image.VerificationResult;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code verify fs:file} without {@code /md5} or {@code /sha512}: checks the file's digital signature against the
 * device's key storage on the shared pool and prints IOS's block (reference §4.4): {@code Starting image
 * verification}, the hash computation, computed and embedded SHA-512, the MD5 as {@code CCO Hash}, then
 * {@code Digital signature successfully verified in file <path>} or a {@code %DIGISIGN-} message. The path is echoed
 * as typed.
 */
public final class VerifyImageCommand implements Command {

    private final SignatureVerification verification;

    public VerifyImageCommand(SignatureVerification verification) {
        this.verification = verification;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC)
                .syntax("verify URL:path")
                .help("verify", "Verify a file")
                .help("path", "File to verify")
                .build();
    }

    @Override
    public CompletableFuture<Void> execute(Invocation inv) {
        String typed = inv.arg("path");
        Optional<LocalUrl> url = FileArgument.local(inv, "path", "opening");
        if (url.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<VerificationResult> work = verification.verify(inv, url.get(), true);
        return SignatureVerification.cancelling(work, work.handle((result, error) -> {
            if (!SignatureVerification.reportedFailure(inv, url.get(), error)) {
                SignatureVerification.debugLines(inv, result, typed).forEach(inv::println);
                SignatureVerification.report(result, typed).forEach(inv::println);
            }
            return null;
        }));
    }
}
