package dev.ioslab.commands.exec;

import dev.ioslab.cli.Invocation;
import dev.ioslab.image.DebugCategory;
import dev.ioslab.image.ImageMetadata;
import dev.ioslab.image.SignerIdentity;
import dev.ioslab.image.SoftwareAuthenticity;
import dev.ioslab.image.StoredKey;
import dev.ioslab.image.VerificationResult;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code debug software authenticity} messages: which kinds are on is device state, and, as on IOS, a vty
 * session sees them only after {@code terminal monitor}. Each line carries IOS's default debug timestamp
 * ({@code service timestamps debug datetime msec}). The message texts are ioslab's own: Cisco does not document
 * them. Stateless.
 */
final class AuthenticityDebug {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("MMM d HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    private AuthenticityDebug() {
    }

    /** The debug lines about one image check of {@code path}, for the kinds that are on. */
    static List<String> verification(Invocation inv, VerificationResult r, String path) {
        SoftwareAuthenticity a = inv.context().device().softwareAuthenticity();
        if (!inv.context().terminalMonitor() || a.debugging().isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        r.signature().ifPresent(s -> {
            ImageMetadata m = s.metadata();
            String key = m.keyType().label() + " key version " + m.keyVersion();
            if (a.debugging(DebugCategory.ENVELOPE)) {
                SignerIdentity who = s.signer();
                lines.add("envelope: " + path + ": " + r.payloadBytes() + "-byte payload, "
                        // What is neither payload nor the 12-byte trailer is the envelope.
                        + (r.fileBytes() - r.payloadBytes() - 12) + "-byte envelope");
                lines.add("envelope: " + m.imageTypeDisplay() + " image for " + m.platform() + ", version "
                        + m.version() + ", signed with the " + key
                        + m.bundledKey().map(b -> ", bundles " + b.type().label() + " key version " + b.version())
                        .orElse(""));
                lines.add("envelope: signer CN=" + who.commonName() + ", OU=" + who.organizationUnit() + ", O="
                        + who.organizationName() + ", serial " + who.serialHex());
            }
            if (a.debugging(DebugCategory.KEY)) {
                lines.add("key: " + key + r.key().map(AuthenticityDebug::state).orElse(" is not in the key storage"));
            }
        });
        if (a.debugging(DebugCategory.VERBOSE) && r.computedSha512().isPresent()) {
            lines.add("verbose: hashed " + r.fileBytes() + " bytes of " + path + ": SHA-512 over the "
                    + r.payloadBytes() + "-byte payload" + (r.md5().isPresent() ? ", MD5 over the whole file" : ""));
        }
        if (a.debugging(DebugCategory.ERRORS) && !r.isValid()) {
            lines.add("error: " + path + ": " + r.status().label() + ": " + r.detail());
        }
        return stamped(inv, lines);
    }

    /** The debug line of a {@code show software authenticity} command reading {@code what}. */
    static List<String> show(Invocation inv, String what) {
        SoftwareAuthenticity a = inv.context().device().softwareAuthenticity();
        if (!inv.context().terminalMonitor() || !a.debugging(DebugCategory.SHOW)) {
            return List.of();
        }
        return stamped(inv, List.of("show: " + what));
    }

    /** The debug line of a key addition or revocation step, when {@code revocation} debugging is on. */
    static List<String> revocation(Invocation inv, String what) {
        SoftwareAuthenticity a = inv.context().device().softwareAuthenticity();
        if (!inv.context().terminalMonitor() || !a.debugging(DebugCategory.REVOCATION)) {
            return List.of();
        }
        return stamped(inv, List.of("revocation: " + what));
    }

    private static String state(StoredKey k) {
        return k.isActive() ? " is active in the key storage" : " is revoked in the key storage";
    }

    private static List<String> stamped(Invocation inv, List<String> messages) {
        String stamp = "*" + STAMP.format(inv.context().device().clock().instant()) + ": DIGISIGN: ";
        return messages.stream().map(m -> stamp + m).toList();
    }
}
