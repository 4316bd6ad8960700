package dev.ioslab.image.tool;

import dev.ioslab.image.ImageMetadata;
import dev.ioslab.image.ImageSigner;
import dev.ioslab.image.ImageType;
import dev.ioslab.image.LabKey;
import dev.ioslab.image.LabPki;
import dev.ioslab.image.SignerIdentity;
import dev.ioslab.image.SoftwareKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code ioslab sign}: signs a payload with a lab key into a signed image (docs/image-format.md). */
@CommandLine.Command(name = "sign",
        header = "Signs an image with a lab key.",
        description = {"Signs an image: writes payload, CMS envelope and trailer to --out (docs/image-format.md).",
            "Production images are signed with a release key, special images with a development key, revocation"
                + " images with the rollover key, ROM monitors with a release or development key."},
        footer = {"", "Example:",
            "  java -jar target/ioslab.jar sign --type production \\",
            "      --platform C3900 --version '15.7(3)M8' --in c3900-universalk9-mz.bin \\",
            "      --out var/images/c3900-universalk9-mz.SPA.157-3.M8.bin"})
public final class SignCommand implements Callable<Integer> {

    static final int EXIT_USAGE = 2;

    // Not the standard help mixin: its -V/--version would take the image's --version.
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @CommandLine.Option(names = "--pki", defaultValue = "var/pki", paramLabel = "DIR",
            description = "folder of the lab keys (default: ${DEFAULT-VALUE})")
    private Path pki;

    @CommandLine.Option(names = "--key", paramLabel = "KEY",
            description = "signing key: a label in --pki (release-A, development-B ...) or a .key file beside its"
                    + " .crt; default release-A for production and rommon, development-A for special,"
                    + " rollover-A for revocation images")
    private String key;

    @CommandLine.Option(names = "--type", required = true, paramLabel = "TYPE",
            description = "image type: production, special, revocation or rommon")
    private String type;

    @CommandLine.Option(names = "--platform", required = true, paramLabel = "PLATFORM",
            description = "platform the image is for, e.g. C3900")
    private String platform;

    @CommandLine.Option(names = "--version", required = true, paramLabel = "VERSION",
            description = "version 'show version' prints after boot, e.g. 15.7(3)M8")
    private String version;

    @CommandLine.Option(names = "--bundle", paramLabel = "KEY",
            description = "public key to bundle: a label in --pki or a .crt file; the next development key in a"
                    + " production image, the next release key in a revocation image")
    private String bundle;

    @CommandLine.Option(names = "--in", required = true, paramLabel = "FILE", description = "the payload")
    private Path in;

    @CommandLine.Option(names = "--out", required = true, paramLabel = "FILE", description = "the signed image")
    private Path out;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ToolLogging.warningsOnly();
        Optional<ImageType> imageType = ImageType.ofLabel(type);
        if (imageType.isEmpty()) {
            return usage("unknown image type '" + type + "' (production, special, revocation or rommon)");
        }
        try {
            LabKey signer = signingKey(imageType.get());
            ImageMetadata metadata = new ImageMetadata(imageType.get(), signer.type(), signer.version(), platform,
                    version, Optional.empty());
            if (bundle != null) {
                metadata = metadata.bundling(bundledKey());
            }
            ImageSigner.SignedImage image = ImageSigner.sign(in, metadata, signer, out);
            SignerIdentity s = signer.signer();
            spec.commandLine().getOut().printf("Signed %s: %s image for %s, version %s, %s (CN=%s, OU=%s, O=%s,"
                            + " serial %s)%s; payload %d bytes, envelope %d bytes%n", image.file(),
                    imageType.get().label(), platform, version, signer.label(), s.commonName(), s.organizationUnit(),
                    s.organizationName(), s.serialHex(), metadata.bundledKey().map(k -> ", bundles " + k.label())
                            .orElse(""), image.payloadBytes(), image.envelopeBytes());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        } catch (IOException e) {
            spec.commandLine().getErr().println("sign: " + e.getMessage());
            return 1;
        }
    }

    private int usage(String message) {
        spec.commandLine().getErr().println("sign: " + message);
        return EXIT_USAGE;
    }

    private LabKey signingKey(ImageType imageType) throws IOException {
        String name = key != null ? key : switch (imageType) {
            case PRODUCTION, ROMMON -> "release-A";
            case SPECIAL -> "development-A";
            case REVOCATION -> "rollover-A";
        };
        if (name.endsWith(".key")) {
            return LabPki.loadKey(Path.of(name));
        }
        SoftwareKey.Label label = SoftwareKey.parseLabel(name).orElseThrow(() -> new IllegalArgumentException(
                "--key " + name + " is neither a key label (release-A) nor a .key file"));
        return LabPki.loadKey(LabPki.keyFile(pki, label));
    }

    private SoftwareKey bundledKey() throws IOException {
        if (bundle.endsWith(".crt")) {
            return LabPki.loadPublicKey(Path.of(bundle));
        }
        SoftwareKey.Label label = SoftwareKey.parseLabel(bundle).orElseThrow(() -> new IllegalArgumentException(
                "--bundle " + bundle + " is neither a key label (development-B) nor a .crt file"));
        return LabPki.loadPublicKey(LabPki.certFile(pki, label));
    }
}
