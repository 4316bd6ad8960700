package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.Command;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.device.Device;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.IosUrl;
import dev.ioslab.fs.IosUrlException;
import dev.ioslab.fs.IosUrlParser;
import dev.ioslab.fs.LocalUrl;
import dev.ioslab.image.DigisignMessage;
import dev.ioslab.image.ImageSignature;
import dev.ioslab.image.Inspection;
import dev.ioslab.image.SoftwareAuthenticity;
import dev.ioslab.image.VerificationStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code show software authenticity running} (reference §8.1, classic IOS): the {@code SYSTEM IMAGE} record of the
 * image the device runs, verified by the read-only {@code ROMMON 1} (or by {@code ROMMON 2} once an upgradable ROM
 * monitor is installed, which then gets its own {@code ROMMON 2} record). The system image's record is the one boot
 * took when it checked the image; before any boot check recorded one, the envelope of the file the device booted
 * from is read now. A device whose boot file is not in flash, or is not signed, says so in IOS's words instead of
 * inventing a signature.
 */
public final class ShowSoftwareAuthenticityRunningCommand implements Command {

    private final SignatureVerification verification;

    public ShowSoftwareAuthenticityRunningCommand(SignatureVerification verification) {
        this.verification = verification;
    }

    @Override
    public CommandSpec spec() {
        return ShowSoftwareAuthenticity.describe(CommandSpec.in(CliMode.EXEC).pipeable()
                .syntax("show software authenticity running")
                .help("running", "Show signature information of the running image and ROM monitor"))
                .build();
    }

    @Override
    public CompletableFuture<Void> execute(Invocation inv) {
        Device device = inv.context().device();
        SoftwareAuthenticity authenticity = device.softwareAuthenticity();
        Optional<SoftwareAuthenticity.BootedImage> booted = authenticity.systemImage();
        if (booted.isPresent()) {
            print(inv, List.of(), Optional.of(booted.get().signature()));
            return CompletableFuture.completedFuture(null);
        }
        String path = device.runningImage().path();
        AuthenticityDebug.show(inv, "reading the signature envelope of the running image " + path)
                .forEach(inv::println);
        Optional<LocalUrl> file = localFile(device, path);
        if (file.isEmpty()) {
            print(inv, List.of("%Error opening " + path + " (No such file or directory)"), Optional.empty());
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Inspection> work = verification.inspect(inv, file.get());
        return SignatureVerification.cancelling(work, work.handle((inspection, error) -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                    : error;
            if (cause instanceof CancellationException) {
                return null;
            }
            if (cause instanceof FsException fs) {
                print(inv, List.of("%Error opening " + path + " (" + fs.error().reason() + ")"), Optional.empty());
            } else if (cause != null) {
                print(inv, List.of("%Error reading " + path + " (I/O error)"), Optional.empty());
            } else if (inspection instanceof Inspection.Signed signed) {
                print(inv, List.of(), Optional.of(signed.envelope().describe()));
            } else if (inspection instanceof Inspection.Unreadable bad) {
                print(inv, List.of(bad.status() == VerificationStatus.NOT_SIGNED
                        ? DigisignMessage.SIGNATURE_NOT_PRESENT.render(path)
                        : DigisignMessage.VERIFICATION_FAILED.render(path, bad.detail())), Optional.empty());
            }
            return null;
        }));
    }

    /** The SYSTEM IMAGE record (or {@code problem} in its place), then the ROMMON 2 record when there is one. */
    private static void print(Invocation inv, List<String> problem, Optional<ImageSignature> system) {
        Device device = inv.context().device();
        String romVersion = device.platform().romVersion();
        Optional<SoftwareAuthenticity.BootedImage> rommon = device.softwareAuthenticity().upgradableRommon();
        List<String> lines = new ArrayList<>(AuthenticityText.title("SYSTEM IMAGE"));
        lines.addAll(problem);
        system.ifPresent(s -> {
            lines.addAll(AuthenticityText.signature(s));
            lines.addAll(rommon.isPresent()
                    ? AuthenticityText.verifier("ROMMON 2", rommon.get().signature().metadata().version())
                    : AuthenticityText.verifier("ROMMON 1", romVersion));
        });
        rommon.ifPresent(r -> {
            lines.add("");
            lines.addAll(AuthenticityText.title("ROMMON 2"));
            lines.addAll(AuthenticityText.signature(r.signature()));
            lines.addAll(AuthenticityText.verifier("ROMMON 1", romVersion));
        });
        lines.forEach(inv::println);
    }

    /** The boot path on the device's own file systems, if it names one. */
    static Optional<LocalUrl> localFile(Device device, String path) {
        try {
            IosUrl url = new IosUrlParser(device.fileSystems()).parse(path, null);
            return url instanceof LocalUrl local ? Optional.of(local) : Optional.empty();
        } catch (IosUrlException e) {
            return Optional.empty();
        }
    }
}
