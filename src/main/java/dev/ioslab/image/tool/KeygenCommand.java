package dev.ioslab.image.tool;

import dev.ioslab.image.LabKey;
import dev.ioslab.image.LabPki;
import dev.ioslab.image.SignerIdentity;
import dev.ioslab.image.SignerNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code ioslab keygen}: creates the lab's signing keys that are missing and lists all of them. */
@CommandLine.Command(name = "keygen", mixinStandardHelpOptions = true,
        header = "Creates the lab's image signing keys that are missing.",
        description = {"Creates the lab's image signing keys: rollover-A, release-A, release-B, development-A and"
                + " development-B, each an RSA-2048 private key <label>.key (PKCS#8 PEM, readable by the owner only)"
                + " and a self-signed certificate <label>.crt whose subject and serial number are what"
                + " 'show software authenticity' prints as the signer.",
            "Keys that exist are kept (the names apply to new keys only); a key without its certificate is an"
                + " error. The daemon runs the same step at its first start."},
        footer = {"", "Example:", "  java -jar target/ioslab.jar keygen --dir var/pki"})
public final class KeygenCommand implements Callable<Integer> {

    @CommandLine.Option(names = "--dir", defaultValue = "var/pki", paramLabel = "DIR",
            description = "folder of the lab keys (default: ${DEFAULT-VALUE})")
    private Path dir;

    @CommandLine.Option(names = "--common-name", defaultValue = "CiscoSystems", paramLabel = "CN",
            description = "certificate subject common name (default: ${DEFAULT-VALUE})")
    private String commonName;

    @CommandLine.Option(names = "--unit", defaultValue = "C3900", paramLabel = "OU",
            description = "certificate subject organizational unit, Cisco's platform family"
                    + " (default: ${DEFAULT-VALUE})")
    private String unit;

    @CommandLine.Option(names = "--organization", defaultValue = "CiscoSystems", paramLabel = "O",
            description = "certificate subject organization (default: ${DEFAULT-VALUE})")
    private String organization;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ToolLogging.warningsOnly();
        PrintWriter out = spec.commandLine().getOut();
        LabPki pki;
        try {
            pki = LabPki.createOrLoad(dir, new SignerNames(commonName, unit, organization));
        } catch (IOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("keygen: " + e.getMessage());
            return 1;
        }
        for (LabKey key : pki.keys()) {
            SignerIdentity s = key.signer();
            out.printf("%-14s %-8s CN=%s, OU=%s, O=%s, serial %s%n", key.label(),
                    pki.created().contains(key.label()) ? "created" : "kept", s.commonName(), s.organizationUnit(),
                    s.organizationName(), s.serialHex());
        }
        out.println("Lab keys in " + dir + (pki.created().isEmpty() ? " (nothing created)" : ""));
        out.flush();
        return 0;
    }
}
