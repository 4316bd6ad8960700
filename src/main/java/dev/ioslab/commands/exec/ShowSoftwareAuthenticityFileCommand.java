package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.Command;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.fs.LocalUrl;
import dev.ioslab.image.DigisignMessage;
import dev.ioslab.image.Inspection;
import dev.ioslab.image.VerificationStatus;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code show software authenticity file fs:file} (reference §8.1): the file name as typed, then what the file's
 * signature envelope says (image type, signer, serial number, algorithms, key version). Only the envelope is read,
 * on the shared pool; the payload is not hashed. An unsigned file gets {@code %DIGISIGN-4-SIGNATURE_NOT_PRESENT}, a
 * malformed one {@code %DIGISIGN-3-VERIFICATION_FAILED} with the reason.
 */
public final class ShowSoftwareAuthenticityFileCommand implements Command {

    private final SignatureVerification verification;

    public ShowSoftwareAuthenticityFileCommand(SignatureVerification verification) {
        this.verification = verification;
    }

    @Override
    public CommandSpec spec() {
        return ShowSoftwareAuthenticity.describe(CommandSpec.in(CliMode.EXEC).pipeable()
                .syntax("show software authenticity file URL:path")
                .help("file", "Show digital signature information of a file")
                .help("path", "File to show"))
                .build();
    }

    @Override
    public CompletableFuture<Void> execute(Invocation inv) {
        String typed = inv.arg("path");
        Optional<LocalUrl> url = FileArgument.local(inv, "path", "opening");
        if (url.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        AuthenticityDebug.show(inv, "reading the signature envelope of " + typed).forEach(inv::println);
        CompletableFuture<Inspection> work = verification.inspect(inv, url.get());
        return SignatureVerification.cancelling(work, work.handle((inspection, error) -> {
            if (SignatureVerification.reportedFailure(inv, url.get(), error)) {
                return null;
            }
            if (inspection instanceof Inspection.Signed signed) {
                inv.println(AuthenticityText.field("File Name", typed));
                AuthenticityText.signature(signed.envelope().describe()).forEach(inv::println);
            } else if (inspection instanceof Inspection.Unreadable bad) {
                inv.println(bad.status() == VerificationStatus.NOT_SIGNED
                        ? DigisignMessage.SIGNATURE_NOT_PRESENT.render(typed)
                        : DigisignMessage.VERIFICATION_FAILED.render(typed, bad.detail()));
            }
            return null;
        }));
    }
}
