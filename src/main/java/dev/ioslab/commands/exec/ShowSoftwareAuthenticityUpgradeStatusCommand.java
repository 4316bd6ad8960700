package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.Command;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.device.Device;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.LocalUrl;
import dev.ioslab.image.ImageCheck;
import dev.ioslab.image.ImageMetadata;
import dev.ioslab.image.ImageType;
import dev.ioslab.image.KeyStorage;
import dev.ioslab.image.KeyType;
import dev.ioslab.image.SoftwareAuthenticity;
import dev.ioslab.image.SoftwareKey;
import dev.ioslab.image.StoredKey;
import dev.ioslab.image.VerificationListener;
import dev.ioslab.image.VerificationResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code show software authenticity upgrade-status} (Cisco's "Digitally Signed Cisco Software", production key
 * revocation, step 2): whether the new production key is installed, in the primary and in the backup key storage as
 * they are on disk, whether the image of the first {@code boot system} entry verifies and is signed with it, and
 * whether the upgradable ROM monitor is signed with it; {@code Upgrade complete : Yes} once all four hold and the next
 * boot uses the new key. The new key is the one the running revocation image bundles, otherwise the newest active
 * production key. Cisco does not show this command's output; the layout is the record layout of
 * {@code show software authenticity running}.
 *
 * <p>Threading: the key storage copies are read on the file-I/O executor and the boot image is verified on the
 * shared pool; the session thread only queues.
 */
public final class ShowSoftwareAuthenticityUpgradeStatusCommand implements Command {

    private static final String YES = "Yes";

    private final Executor fileIo;
    private final SignatureVerification verification;

    /** {@code fileIo} reads the key storage copies; {@code verification} checks the boot image. */
    public ShowSoftwareAuthenticityUpgradeStatusCommand(Executor fileIo, SignatureVerification verification) {
        this.fileIo = fileIo;
        this.verification = verification;
    }

    @Override
    public CommandSpec spec() {
        return ShowSoftwareAuthenticity.describe(CommandSpec.in(CliMode.EXEC).pipeable()
                .syntax("show software authenticity upgrade-status")
                .help("upgrade-status", "Show the production key upgrade status of the images and key storage"))
                .build();
    }

    @Override
    public CompletableFuture<Void> execute(Invocation inv) {
        Device device = inv.context().device();
        SoftwareAuthenticity authenticity = device.softwareAuthenticity();
        AuthenticityDebug.show(inv, "checking the production key upgrade status").forEach(inv::println);
        Optional<SoftwareKey> key = newKey(authenticity);
        Optional<String> autoboot = device.config().bootSystem().stream().findFirst()
                .map(ShowBootvarCommand::bootPath);
        CompletableFuture<Map<KeyStorage.Area, String>> stored = CompletableFuture.supplyAsync(() -> {
            Map<KeyStorage.Area, String> states = new EnumMap<>(KeyStorage.Area.class);
            for (KeyStorage.Area area : KeyStorage.Area.values()) {
                states.put(area, key.map(k -> installed(authenticity.keys(), area, k)).orElse("Not installed"));
            }
            return states;
        }, fileIo);
        CompletableFuture<String> bootSigned = key.isPresent() && autoboot.isPresent()
                ? bootImageSigned(inv, autoboot.get(), key.get()) : CompletableFuture.completedFuture("No");
        CompletableFuture<Void> done = stored.thenAcceptBoth(bootSigned,
                (states, signed) -> print(inv, key, states, autoboot, signed));
        return SignatureVerification.cancelling(bootSigned, done);
    }

    private static void print(Invocation inv, Optional<SoftwareKey> key, Map<KeyStorage.Area, String> states,
                              Optional<String> autoboot, String bootSigned) {
        Optional<SoftwareAuthenticity.BootedImage> rommon =
                inv.context().device().softwareAuthenticity().upgradableRommon();
        String rommonSigned = key.isPresent() && rommon.isPresent()
                ? signedWith(rommon.get().signature().metadata(), ImageType.ROMMON, key.get()) : "No";
        List<String> lines = new ArrayList<>(AuthenticityText.title("PRODUCTION KEY UPGRADE STATUS"));
        lines.add(AuthenticityText.field("New production key version",
                key.map(k -> String.valueOf(k.version())).orElse("None")));
        for (KeyStorage.Area area : KeyStorage.Area.values()) {
            lines.add(AuthenticityText.field("    " + area.display() + " key storage", states.get(area)));
        }
        lines.add(AuthenticityText.field("Autoboot image", autoboot.orElse("Not configured")));
        lines.add(AuthenticityText.field("    Signed with new key", bootSigned));
        lines.add(AuthenticityText.field("Upgradable ROMMON", rommon.map(r -> r.path()).orElse("Not installed")));
        lines.add(AuthenticityText.field("    Signed with new key", rommonSigned));
        boolean complete = states.values().stream().allMatch("Installed"::equals) && bootSigned.equals(YES)
                && rommonSigned.equals(YES);
        lines.add(AuthenticityText.field("Upgrade complete", complete ? YES : "No"));
        lines.forEach(inv::println);
    }

    /**
     * The key being installed: the production key the running revocation image bundles, otherwise the newest active
     * production key of the key storage.
     */
    private static Optional<SoftwareKey> newKey(SoftwareAuthenticity authenticity) {
        Optional<SoftwareKey> bundled = authenticity.systemImage().map(b -> b.signature().metadata())
                .filter(m -> m.imageType() == ImageType.REVOCATION).flatMap(ImageMetadata::bundledKey)
                .filter(k -> k.type() == KeyType.RELEASE);
        if (bundled.isPresent()) {
            return bundled;
        }
        return authenticity.keys().list().stream().filter(k -> k.key().type() == KeyType.RELEASE && k.isActive())
                .max(Comparator.comparing(k -> k.key().version())).map(StoredKey::key);
    }

    /** Whether the copy {@code area}, as it is on disk, holds {@code key}; blocking. */
    private static String installed(KeyStorage storage, KeyStorage.Area area, SoftwareKey key) {
        Optional<List<StoredKey>> copy;
        try {
            copy = storage.readArea(area);
        } catch (IOException e) {
            return "Unknown (I/O error)";
        }
        if (copy.isEmpty()) {
            return "Not installed (copy damaged or missing)";
        }
        Optional<StoredKey> stored = copy.get().stream().filter(k -> k.key().equals(key)).findFirst();
        return stored.isEmpty() ? "Not installed" : stored.get().isActive() ? "Installed" : "Revoked";
    }

    /** Verifies the boot image {@code path} on the pool: {@code Yes}, or {@code No} and why not. */
    private CompletableFuture<String> bootImageSigned(Invocation inv, String path, SoftwareKey key) {
        Device device = inv.context().device();
        Optional<LocalUrl> file = ShowSoftwareAuthenticityRunningCommand.localFile(device, path);
        if (file.isEmpty()) {
            return CompletableFuture.completedFuture("No (not on a local file system)");
        }
        CompletableFuture<VerificationResult> work = verification.verify(device, file.get(),
                new ImageCheck(false, VerificationListener.NONE, inv::isCancelled));
        inv.onAbort(() -> work.cancel(true));
        return work.handle((result, error) -> {
            Throwable cause = KeyCommands.cause(error);
            if (cause instanceof CancellationException c) {
                throw c;
            }
            if (cause instanceof FsException fs) {
                return "No (" + fs.error().reason() + ")";
            }
            if (cause != null) {
                return "No (I/O error)";
            }
            if (!result.isValid()) {
                return "No (" + result.status().label() + ")";
            }
            return signedWith(result.signature().orElseThrow().metadata(), ImageType.PRODUCTION, key);
        });
    }

    /** {@code Yes} when an image of type {@code expected} is signed with {@code key}, else {@code No} and why not. */
    private static String signedWith(ImageMetadata m, ImageType expected, SoftwareKey key) {
        if (m.imageType() != expected) {
            return "No (" + m.imageType().label() + " image)";
        }
        if (m.keyType() != key.type() || m.keyVersion() != key.version()) {
            return "No (signed with " + KeyCommands.name(m.keyType()) + " key version " + m.keyVersion() + ")";
        }
        return YES;
    }
}
