package dev.ioslab.commands.exec;

import dev.ioslab.cli.Invocation;
import dev.ioslab.device.Device;
import dev.ioslab.fs.HostFailureCause;
import dev.ioslab.image.DigisignMessage;
import dev.ioslab.image.ImageMetadata;
import dev.ioslab.image.ImageType;
import dev.ioslab.image.KeyStorage;
import dev.ioslab.image.KeyType;
import dev.ioslab.image.SoftwareAuthenticity;
import dev.ioslab.image.StoredKey;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code software authenticity key revoke production|special}, with the lines of Cisco's configuration guide
 * ("Performing Special Key Revocation ... Example"): {@code Finding the new special key in the key storage} (the
 * newest active key of the type), {@code Validating running image...} (a production image, itself not signed with an
 * older key of the type), {@code Revoking keys with version less than B}, {@code Validating upgradable rommon...}
 * (an upgradable ROM monitor signed with an older key of the type would no longer boot), then per copy
 * {@code Scanning the keys in Primary} and {@code Revoking the key with version A...e.Success}, and {@code Done!}.
 * Revoked keys stay in the key storage, revoked, so images signed with them fail verification from then on.
 *
 * <p>Threading: the key storage is written on the file-I/O executor, primary then backup; the session thread only
 * prints and queues.
 */
final class KeyRevocation {

    private static final Logger LOG = LoggerFactory.getLogger(KeyRevocation.class);
    /** IOS's default log timestamp ({@code service timestamps log datetime msec}): {@code *Mar  8 10:29:17.219}. */
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Executor fileIo;
    private final KeyType type;

    /** Revokes keys of {@code type}. */
    KeyRevocation(Executor fileIo, KeyType type) {
        this.fileIo = fileIo;
        this.type = type;
    }

    CompletableFuture<Void> run(Invocation inv) {
        String name = KeyCommands.name(type);
        SoftwareAuthenticity authenticity = inv.context().device().softwareAuthenticity();
        inv.println("Finding the new " + name + " key in the key storage");
        Optional<StoredKey> newest = authenticity.keys().list().stream()
                .filter(k -> k.key().type() == type && k.isActive())
                .max(Comparator.comparing(k -> k.key().version()));
        if (newest.isEmpty()) {
            inv.println("%Error: No " + name + " key in the key storage");
            return done();
        }
        char version = newest.get().key().version();
        inv.println("Validating running image...");
        Optional<ImageMetadata> running = KeyCommands.runningImage(inv);
        if (running.isEmpty() || !KeyCommands.requireType(inv, running.get(), ImageType.PRODUCTION,
                "keys can be revoked")) {
            return done();
        }
        if (running.get().keyType() == type && running.get().keyVersion() < version) {
            // The image revoking the keys must not itself be signed with one of them.
            inv.println("%Error: Running image is signed with " + name + " key version "
                    + running.get().keyVersion() + "; boot an image signed with " + name + " key version " + version
                    + " first");
            return done();
        }
        inv.println("Revoking keys with version less than " + version);
        inv.println("Validating upgradable rommon...");
        Optional<ImageMetadata> rommon = authenticity.upgradableRommon().map(r -> r.signature().metadata());
        if (rommon.isPresent() && rommon.get().keyType() == type && rommon.get().keyVersion() < version) {
            inv.println("%Error: Upgradable rommon is signed with " + name + " key version "
                    + rommon.get().keyVersion() + "; upgrade it to a rommon signed with " + name + " key version "
                    + version + " first");
            return done();
        }
        return revokeIn(inv, version, KeyStorage.Area.PRIMARY)
                .thenCompose(ok -> ok ? revokeIn(inv, version, KeyStorage.Area.BACKUP)
                        : CompletableFuture.completedFuture(false))
                .thenAccept(ok -> {
                    if (ok) {
                        inv.println("Done!");
                        rommon.filter(r -> r.keyType() == KeyType.DEVELOPMENT)
                                .ifPresent(r -> developmentRommon(inv, r.keyVersion()));
                    }
                });
    }

    /** One copy: the scan and the write; completes with whether to go on. */
    private CompletableFuture<Boolean> revokeIn(Invocation inv, char version, KeyStorage.Area area) {
        Device device = inv.context().device();
        KeyStorage storage = device.softwareAuthenticity().keys();
        inv.println("Scanning the keys in " + area.display());
        return CompletableFuture.supplyAsync(() -> {
            try {
                return storage.revokeOlderThan(type, version, area);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, fileIo).handle((revoked, error) -> {
            if (error != null) {
                String reason = HostFailureCause.of(error).reason();
                LOG.warn("{}: revoking {} keys older than {} in the {} key storage for {} failed: {} ({})",
                        device.name(), type.label(), version, area.display(), inv.context().info().user(), reason,
                        KeyCommands.cause(error).toString());
                inv.println("%Error writing " + area.display() + " key storage (" + reason + ")");
                return false;
            }
            if (revoked.isEmpty()) {
                inv.println("No keys with version less than " + version);
            }
            for (StoredKey k : revoked) {
                LOG.info("{}: {} revoked in the {} key storage", device.name(), k.key().label(), area.display());
                AuthenticityDebug.revocation(inv, "revoked " + KeyCommands.name(type) + " key version "
                        + k.key().version() + " in " + area.display()).forEach(inv::println);
                inv.println("Revoking the key with version " + k.key().version() + "...e.Success");
            }
            return true;
        });
    }

    /**
     * {@code %DIGISIGN-4-DEV_IMAGE: Upgradable rommon software signed using special key version B}, the log message
     * the guide's example shows after the revocation: on this session when it monitors logging, and in the daemon's
     * log.
     */
    private static void developmentRommon(Invocation inv, char version) {
        Device device = inv.context().device();
        String message = DigisignMessage.DEV_ROMMON.render(version);
        LOG.info("{}: {}", device.name(), message);
        if (inv.context().terminalMonitor()) {
            inv.println("*" + STAMP.format(device.clock().instant()) + ": " + message);
        }
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }
}
