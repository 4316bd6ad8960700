package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.image.SoftwareKey;
import dev.ioslab.image.StoredKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * {@code show software authenticity keys} (reference §8.2, IOS 15.9 layout): one record per active key of the
 * device's key storage, release keys first, with the modulus as colon-separated hex, 16 bytes a line.
 */
public final class ShowSoftwareAuthenticityKeysCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return ShowSoftwareAuthenticity.describe(CommandSpec.in(CliMode.EXEC).pipeable()
                .syntax("show software authenticity keys")
                .help("keys", "Show the public keys in the key storage"))
                .build();
    }

    @Override
    public void run(Invocation inv) {
        AuthenticityDebug.show(inv, "listing the key storage").forEach(inv::println);
        List<StoredKey> keys = inv.context().device().softwareAuthenticity().keys().list().stream()
                .filter(StoredKey::isActive).toList();
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                // The line between two records holds 10 spaces on a real device.
                inv.println(" ".repeat(10));
            }
            record(inv, i + 1, keys.get(i).key());
        }
    }

    private static void record(Invocation inv, int number, SoftwareKey key) {
        String title = "Public Key #" + number + " Information";
        inv.println(title);
        inv.println("-".repeat(title.length()));
        inv.println("Key Type             : " + key.type().display() + "  (Primary)");
        inv.println("Public Key Algorithm : RSA");
        byte[] modulus = unsigned(key.modulus());
        inv.println("Modulus (" + modulus.length + " bytes)   :");
        modulusLines(modulus).forEach(inv::println);
        inv.println("Exponent (4 bytes)   : " + key.exponent().toString(16).toUpperCase(Locale.ROOT));
        inv.println("Key Version          : " + key.version());
    }

    /** 16 bytes a line, colon-separated upper-case hex, every line but the last ending in a colon. */
    static List<String> modulusLines(byte[] modulus) {
        HexFormat hex = HexFormat.ofDelimiter(":").withUpperCase();
        List<String> lines = new ArrayList<>();
        for (int at = 0; at < modulus.length; at += 16) {
            int end = Math.min(modulus.length, at + 16);
            lines.add("        " + hex.formatHex(modulus, at, end) + (end < modulus.length ? ":" : ""));
        }
        return lines;
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] b = n.toByteArray();
        return b[0] == 0 && b.length > 1 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }
}
