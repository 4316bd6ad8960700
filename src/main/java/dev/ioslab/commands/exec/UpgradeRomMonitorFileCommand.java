package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.Command;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.device.Device;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.HostFailureCause;
import dev.ioslab.fs.IosFileSystem;
import dev.ioslab.fs.IosUrl;
import dev.ioslab.fs.LocalUrl;
import dev.ioslab.fs.RemoteUrl;
import dev.ioslab.image.DigisignMessage;
import dev.ioslab.image.ImageCheck;
import dev.ioslab.image.ImageMetadata;
import dev.ioslab.image.ImageSignature;
import dev.ioslab.image.ImageType;
import dev.ioslab.image.KeyType;
import dev.ioslab.image.SoftwareAuthenticity;
import dev.ioslab.image.VerificationListener;
import dev.ioslab.image.VerificationPool;
import dev.ioslab.image.VerificationResult;
import dev.ioslab.transfer.TransferService;
import dev.ioslab.transfer.TransferSettings;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code upgrade rom-monitor file fs:file} (Cisco's "Digitally Signed Cisco Software", key revocation examples):
 * {@code Platform Field Upgradeable ROMMON LOAD test} once a pool worker takes up the file's signature check, then
 * {@code RSA Signature Verification Passed ...} and {@code ROM: Digitally Signed Development Software} (or
 * {@code Release}) for a valid ROM monitor image of this platform, {@code This command will result in a 'power-on
 * reset' of the router!} and {@code Continue? [yes/no]: }; on {@code yes} the image becomes the device's upgradable
 * ROM monitor ({@code ROMMON 2}), {@code ROMMON image upgrade in progress.}, the erase and programming marks,
 * {@code Now Reloading}, and the device reloads. A file that fails the check gets its {@code %DIGISIGN-} message and
 * changes nothing. An FTP or TFTP URL is first copied into {@code flash0:} (with {@code copy}'s lines), then checked
 * and installed from there; other remote URLs are refused with a hint to copy the image to flash first.
 *
 * <p>Threading: the signature check runs on the shared pool; the answer and the reload run on the session's thread.
 */
public final class UpgradeRomMonitorFileCommand implements Command {

    private static final Logger LOG = LoggerFactory.getLogger(UpgradeRomMonitorFileCommand.class);
    private static final String TITLE = "Platform Field Upgradeable ROMMON LOAD test";
    /** The guide's erase marks: the boot flash region is erased whole, whatever the image's size. */
    private static final String ERASE_MARKS = "e".repeat(23);
    /** One programming mark per 64 KiB of the image, as many as the guide shows for a ROM monitor of ~300 KB. */
    private static final long BYTES_PER_MARK = 64 * 1024;
    private static final int MAX_MARKS = 64;

    private final SignatureVerification verification;
    private final RemoteCopy remote;

    /** Local URLs only: a remote one is refused. */
    public UpgradeRomMonitorFileCommand(SignatureVerification verification) {
        this(verification, null);
    }

    private UpgradeRomMonitorFileCommand(SignatureVerification verification, RemoteCopy remote) {
        this.verification = verification;
        this.remote = remote;
    }

    /**
     * Local and remote URLs: an image on an FTP or TFTP server is first copied into {@code flash0:} under its own
     * name, with the download lines of {@code copy}, then checked and installed from there.
     */
    public static UpgradeRomMonitorFileCommand withTransfers(SignatureVerification verification, Executor fileIo,
                                                             VerificationPool pool, TransferService transfers,
                                                             TransferSettings settings) {
        return new UpgradeRomMonitorFileCommand(verification, new RemoteCopy(transfers,
                new TransferPlanner(fileIo, settings), new FlashWriter(fileIo, pool)));
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC)
                .syntax("upgrade rom-monitor file URL:path")
                .help("upgrade", "Upgrade software")
                .help("rom-monitor", "Upgrade the ROM monitor")
                .help("file", "Upgrade from a file")
                .help("path", "ROM monitor image (flash0:, flash1:, usbflash0:, usbflash1:)")
                .build();
    }

    @Override
    public CompletableFuture<Void> execute(Invocation inv) {
        Optional<IosUrl> url = FileArgument.parse(inv, "path", "opening");
        if (url.isEmpty()) {
            return done();
        }
        if (url.get() instanceof RemoteUrl server && remote != null && remote.supports(server.scheme())
                && server.isComplete()) {
            return fetch(inv, server).thenCompose(local -> local.map(f -> upgrade(inv, f)).orElseGet(
                    UpgradeRomMonitorFileCommand::done));
        }
        if (!(url.get() instanceof LocalUrl file)) {
            inv.println("%Error: Cannot upgrade the ROM monitor from " + url.get().maskedDisplay()
                    + "; copy the image to flash0: first");
            return done();
        }
        return upgrade(inv, file);
    }

    /** Copies the server's image into {@code flash0:}; empty when the copy failed (its error is printed). */
    private CompletableFuture<Optional<LocalUrl>> fetch(Invocation inv, RemoteUrl server) {
        IosFileSystem flash = inv.context().device().fileSystems().find("flash0").orElseThrow();
        LocalUrl target;
        try {
            target = new LocalUrl("flash0", flash.resolve(server.baseName()));
        } catch (FsException e) {
            inv.println("%Error opening flash0:" + server.baseName() + " (" + e.error().reason() + ")");
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return remote.download(inv, server, target, false, false).thenApply(v -> {
            try {
                return flash.exists(target.path()) ? Optional.of(target) : Optional.<LocalUrl>empty();
            } catch (FsException e) {
                return Optional.<LocalUrl>empty();
            }
        });
    }

    private CompletableFuture<Void> upgrade(Invocation inv, LocalUrl file) {
        Device device = inv.context().device();
        VerificationListener progress = new VerificationListener() {
            @Override
            public void started() {
                inv.stream(TITLE + "\n" + "-".repeat(TITLE.length()) + "\n");
            }
        };
        CompletableFuture<VerificationResult> work = verification.verify(device, file,
                new ImageCheck(false, progress, inv::isCancelled));
        inv.onAbort(() -> work.cancel(true));
        return SignatureVerification.cancelling(work, work.handle((result, error) -> {
            Throwable cause = KeyCommands.cause(error);
            if (cause instanceof CancellationException) {
                return done();
            }
            if (cause instanceof FsException fs) {
                FileArgument.report(inv, "opening", file, fs);
                return done();
            }
            if (cause != null) {
                inv.println("%Error reading " + file.display() + " (I/O error)");
                return done();
            }
            return checked(inv, file, result);
        }).thenCompose(next -> next));
    }

    /** After the signature check: refuse what cannot be installed, else ask and install. */
    private CompletableFuture<Void> checked(Invocation inv, LocalUrl file, VerificationResult result) {
        String path = inv.arg("path");
        if (!result.isValid()) {
            inv.println(DigisignMessage.forFailure(result, path));
            inv.println("%Error: ROMMON image upgrade aborted");
            return done();
        }
        ImageSignature signature = result.signature().orElseThrow();
        ImageMetadata m = signature.metadata();
        String family = inv.context().device().platform().family();
        if (m.imageType() != ImageType.ROMMON) {
            inv.println("%Error: " + path + " is not a ROMMON image (" + m.imageType().label() + " image)");
            return done();
        }
        if (!m.platform().equals(family)) {
            inv.println("%Error: " + path + " is a ROMMON image for " + m.platform() + ", not for this " + family);
            return done();
        }
        inv.println("RSA Signature Verification Passed ...");
        inv.println("ROM: Digitally Signed " + (m.keyType() == KeyType.DEVELOPMENT ? "Development" : "Release")
                + " Software");
        inv.println("This command will result in a 'power-on reset' of the router!");
        return askToContinue(inv).thenAccept(yes -> {
            if (yes) {
                install(inv, new SoftwareAuthenticity.BootedImage(file.display(), signature), result.payloadBytes());
            } else {
                inv.println("%ROMMON upgrade aborted");
            }
        });
    }

    private static CompletableFuture<Boolean> askToContinue(Invocation inv) {
        return inv.ask("Continue? [yes/no]: ").thenCompose(answer -> {
            String a = answer.strip().toLowerCase(Locale.ROOT);
            if (a.equals("y") || a.equals("yes")) {
                return CompletableFuture.completedFuture(true);
            }
            if (a.equals("n") || a.equals("no")) {
                return CompletableFuture.completedFuture(false);
            }
            inv.println("% Please answer 'yes' or 'no'.");
            inv.startLine();
            return askToContinue(inv);
        });
    }

    /** Records the new upgradable ROM monitor and reloads: a ROM monitor takes effect at the power-on reset. */
    private static void install(Invocation inv, SoftwareAuthenticity.BootedImage rommon, long bytes) {
        Device device = inv.context().device();
        try {
            device.softwareAuthenticity().recordUpgradableRommon(rommon);
        } catch (java.io.UncheckedIOException e) {
            String reason = HostFailureCause.of(e).reason();
            LOG.warn("{}: ROMMON upgrade by {} not recorded in the boot state: {} ({})", device.name(),
                    inv.context().info().user(), reason, e.getMessage());
            inv.println("%Error: ROMMON image upgrade failed (" + reason + ")");
            return;
        }
        ImageMetadata m = rommon.signature().metadata();
        LOG.info("{}: upgradable ROMMON {} installed from {} ({} key version {}); reloading", device.name(),
                m.version(), rommon.path(), m.keyType().label(), m.keyVersion());
        long marks = Math.min(MAX_MARKS, Math.max(1, (bytes + BYTES_PER_MARK - 1) / BYTES_PER_MARK));
        inv.println("ROMMON image upgrade in progress.");
        inv.println("Erasing boot flash " + ERASE_MARKS);
        inv.println("Programming boot flash " + ".".repeat((int) marks));
        inv.println("Now Reloading");
        // Out before the reload drops the session.
        inv.startLine();
        device.reload(ReloadCommand.DEFAULT_REASON);
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }
}
