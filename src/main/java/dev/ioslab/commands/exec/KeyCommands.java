package dev.ioslab.commands.exec;

import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.image.ImageMetadata;
import dev.ioslab.image.ImageType;
import dev.ioslab.image.KeyType;
import dev.ioslab.image.SoftwareAuthenticity;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * What the four {@code software authenticity key add|revoke production|special} commands share: their keyword help,
 * and the check of the running image's signature as boot recorded it (Cisco's "Digitally Signed Cisco Software": a
 * revocation image may only add the production key it bundles, a production image may add the special key it
 * bundles and revoke keys, a special image may do neither). Refusals are printed in IOS's style; Cisco does not
 * document their wording. Stateless.
 */
final class KeyCommands {

    private KeyCommands() {
    }

    static CommandSpec.Builder describe(CommandSpec.Builder spec) {
        return spec.help("software", "Software management commands")
                .help("authenticity", "Software authenticity")
                .help("key", "Manage the software authenticity key storage")
                .help("add", "Add the key the running image bundles to the key storage")
                .help("revoke", "Revoke the keys older than the newest one in the key storage")
                .help("production", "Production (release) key")
                .help("special", "Special (development) key");
    }

    /** {@code production} or {@code special}: how IOS names a key type in a sentence. */
    static String name(KeyType type) {
        return type.display().toLowerCase(Locale.ROOT);
    }

    /** The failure a future completed with, without the {@link CompletionException} around it. */
    static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /**
     * The metadata of the running image, when boot verified its signature; otherwise prints the refusal and returns
     * empty.
     */
    static Optional<ImageMetadata> runningImage(Invocation inv) {
        Optional<SoftwareAuthenticity.BootedImage> booted =
                inv.context().device().softwareAuthenticity().systemImage();
        if (booted.isEmpty()) {
            inv.println("%Error: Running image has no verified digital signature");
            return Optional.empty();
        }
        return Optional.of(booted.get().signature().metadata());
    }

    /**
     * Whether the running image is of type {@code needed}; otherwise prints {@code %Error: Running image is a special
     * image; <what> only from a production image}.
     */
    static boolean requireType(Invocation inv, ImageMetadata running, ImageType needed, String what) {
        if (running.imageType() == needed) {
            return true;
        }
        inv.println("%Error: Running image is a " + running.imageType().label() + " image; " + what
                + " only from a " + needed.label() + " image");
        return false;
    }
}
