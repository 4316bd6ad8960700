package dev.ioslab.image;

import dev.ioslab.fs.DurableWrite;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device's boot state that outlives the daemon: the upgradable ROM monitor that {@code upgrade rom-monitor}
 * installed (where it came from, its signed metadata and signer), kept in {@code var/devices/<name>/state} as
 * {@code key=value} lines. Written through {@link DurableWrite} (temp file, fsync, rename), so the file is the old or
 * the new state, never half of one; a file that cannot be read is reported and treated as no upgrade.
 *
 * <p>Threading: stateless; callers serialise writes to one file.
 */
final class BootStateFile {

    private static final Logger LOG = LoggerFactory.getLogger(BootStateFile.class);
    private static final String PREFIX = "rommon.";

    private BootStateFile() {
    }

    static Optional<SoftwareAuthenticity.BootedImage> loadRommon(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            if (p.getProperty(PREFIX + "path") == null) {
                return Optional.empty();
            }
            ImageMetadata metadata = ImageMetadata.of(ImageType.valueOf(p.getProperty(PREFIX + "imageType")),
                    KeyType.valueOf(p.getProperty(PREFIX + "keyType")), p.getProperty(PREFIX + "keyVersion").charAt(0),
                    p.getProperty(PREFIX + "platform"), p.getProperty(PREFIX + "version"));
            SignerIdentity signer = new SignerIdentity(p.getProperty(PREFIX + "signerCommonName"),
                    p.getProperty(PREFIX + "signerOrganizationUnit"), p.getProperty(PREFIX + "signerOrganization"),
                    new BigInteger(p.getProperty(PREFIX + "signerSerial"), 16));
            return Optional.of(new SoftwareAuthenticity.BootedImage(p.getProperty(PREFIX + "path"),
                    new ImageSignature(metadata, signer)));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Boot state {} cannot be read ({}); the ROM monitor upgrade it recorded is ignored", file,
                    e.toString());
            return Optional.empty();
        }
    }

    static void saveRommon(Path file, SoftwareAuthenticity.BootedImage rommon) throws IOException {
        ImageMetadata m = rommon.signature().metadata();
        SignerIdentity s = rommon.signature().signer();
        String text = String.join("\n",
                "# ioslab boot state, written by the daemon; do not edit while it runs",
                PREFIX + "path=" + escape(rommon.path()),
                PREFIX + "imageType=" + m.imageType().name(),
                PREFIX + "keyType=" + m.keyType().name(),
                PREFIX + "keyVersion=" + m.keyVersion(),
                PREFIX + "platform=" + escape(m.platform()),
                PREFIX + "version=" + escape(m.version()),
                PREFIX + "signerCommonName=" + escape(s.commonName()),
                PREFIX + "signerOrganizationUnit=" + escape(s.organizationUnit()),
                PREFIX + "signerOrganization=" + escape(s.organizationName()),
                PREFIX + "signerSerial=" + s.serial().toString(16), "");
        DurableWrite.replace(file, text.getBytes(StandardCharsets.UTF_8), false);
    }

    /** Properties escaping for the characters that matter in a value. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}
