package dev.ioslab.commands.exec;

import dev.ioslab.cli.Invocation;
import dev.ioslab.device.Device;
import dev.ioslab.fs.HostFailureCause;
import dev.ioslab.image.ImageMetadata;
import dev.ioslab.image.ImageType;
import dev.ioslab.image.KeyStorage;
import dev.ioslab.image.KeyType;
import dev.ioslab.image.SoftwareKey;
import dev.ioslab.image.StoredKey;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code software authenticity key add production|special}: the running image must be of the type that may add the
 * key (a revocation image the production key, a production image the special key); the key it bundles is then added
 * to the primary, then the backup key storage, each copy checked for a duplicate first, with the lines of Cisco's
 * configuration guide ("Performing Special Key Revocation ... Example"): {@code Validating running image...},
 * {@code Validating new special key...}, {@code Adding the key to Primary}, {@code Checking for duplicate keys},
 * {@code Writing the key...e.Success}, the same for {@code Backup}, {@code Done!}. A key that is already in a copy is
 * left alone there, so the command can be repeated to complete an interrupted addition; a revoked key is never
 * added again, not even under another version letter.
 *
 * <p>Threading: the key storage is written on the file-I/O executor, one copy after the other; the session thread
 * only prints and queues.
 */
final class KeyAddition {

    private static final Logger LOG = LoggerFactory.getLogger(KeyAddition.class);

    private final Executor fileIo;
    private final ImageType adder;
    private final KeyType type;

    /** Adds keys of {@code type} bundled in running images of type {@code adder}. */
    KeyAddition(Executor fileIo, ImageType adder, KeyType type) {
        this.fileIo = fileIo;
        this.adder = adder;
        this.type = type;
    }

    CompletableFuture<Void> run(Invocation inv) {
        String name = KeyCommands.name(type);
        inv.println("Validating running image...");
        Optional<ImageMetadata> running = KeyCommands.runningImage(inv);
        if (running.isEmpty() || !KeyCommands.requireType(inv, running.get(), adder, "a " + name + " key can be"
                + " added")) {
            return done();
        }
        inv.println("Validating new " + name + " key...");
        Optional<SoftwareKey> bundled = running.get().bundledKey().filter(k -> k.type() == type);
        if (bundled.isEmpty()) {
            inv.println("%Error: Running image does not bundle a new " + name + " key");
            return done();
        }
        SoftwareKey key = bundled.get();
        KeyStorage storage = inv.context().device().softwareAuthenticity().keys();
        if (storage.find(type, key.version()).filter(k -> !k.isActive() && k.key().equals(key)).isPresent()) {
            inv.println("%Error: " + type.display() + " key version " + key.version()
                    + " is revoked and cannot be added again");
            return done();
        }
        // A revoked RSA key stays revoked under any version letter: the image signed with it must not verify again.
        Optional<StoredKey> renamed = storage.list().stream()
                .filter(k -> !k.isActive() && k.key().sameKeyAs(key) && !k.key().equals(key)).findFirst();
        if (renamed.isPresent()) {
            inv.println("%Error: " + type.display() + " key version " + key.version() + " is the revoked "
                    + KeyCommands.name(renamed.get().key().type()) + " key version " + renamed.get().key().version()
                    + " and cannot be added");
            return done();
        }
        return addTo(inv, key, KeyStorage.Area.PRIMARY)
                .thenCompose(added -> added ? addTo(inv, key, KeyStorage.Area.BACKUP) : CompletableFuture
                        .completedFuture(false))
                .thenAccept(added -> {
                    if (added) {
                        inv.println("Done!");
                    }
                });
    }

    /** One copy: the duplicate check and the write; completes with whether to go on. */
    private CompletableFuture<Boolean> addTo(Invocation inv, SoftwareKey key, KeyStorage.Area area) {
        Device device = inv.context().device();
        KeyStorage storage = device.softwareAuthenticity().keys();
        inv.println("Adding the key to " + area.display());
        inv.println("Checking for duplicate keys");
        return CompletableFuture.supplyAsync(() -> {
            try {
                return storage.addKey(key, area);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, fileIo).handle((result, error) -> {
            String what = KeyCommands.name(type) + " key version " + key.version();
            if (error != null) {
                String reason = HostFailureCause.of(error).reason();
                LOG.warn("{}: adding {} to the {} key storage for {} failed: {} ({})", device.name(), key.label(),
                        area.display(), inv.context().info().user(), reason, KeyCommands.cause(error).toString());
                inv.println("Writing the key...e.Failed");
                inv.println("%Error writing " + area.display() + " key storage (" + reason + ")");
                return false;
            }
            switch (result) {
                case ADDED -> {
                    LOG.info("{}: {} added to the {} key storage", device.name(), key.label(), area.display());
                    AuthenticityDebug.revocation(inv, "added " + what + " to " + area.display())
                            .forEach(inv::println);
                    inv.println("Writing the key...e.Success");
                    return true;
                }
                case ALREADY_PRESENT -> {
                    AuthenticityDebug.revocation(inv, what + " is already in " + area.display())
                            .forEach(inv::println);
                    inv.println("Key already present in " + area.display());
                    return true;
                }
                default -> {
                    inv.println("%Error: Another " + what + " is already in " + area.display());
                    return false;
                }
            }
        });
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }
}
