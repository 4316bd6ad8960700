package dev.ioslab.image.tool;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.ioslab.daemon.Main;
import dev.ioslab.image.ImageCheck;
import dev.ioslab.image.ImageMetadata;
import dev.ioslab.image.ImageType;
import dev.ioslab.image.ImageVerifier;
import dev.ioslab.image.KeyState;
import dev.ioslab.image.KeyType;
import dev.ioslab.image.LabPki;
import dev.ioslab.image.StoredKey;
import dev.ioslab.image.VerificationResult;
import dev.ioslab.image.VerificationStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** The {@code keygen}, {@code sign} and {@code check} subcommands of the jar, run through {@link Main}'s parser. */
class SigningToolTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private Path pki;
    private Path payload;

    /** The tools quiet ioslab's INFO logging for their process; other tests in this JVM keep theirs. */
    private final Logger ioslabLogger = (Logger) LoggerFactory.getLogger("dev.ioslab");
    private final Level ioslabLevel = ioslabLogger.getLevel();

    @AfterEach
    void restoreLogging() {
        ioslabLogger.setLevel(ioslabLevel);
    }

    @BeforeEach
    void keys() throws Exception {
        pki = dir.resolve("pki");
        payload = dir.resolve("payload.bin");
        byte[] bytes = new byte[200_000];
        new Random(1).nextBytes(bytes);
        Files.write(payload, bytes);
    }

    @Test
    void keygenCreatesOwnerOnlyKeysOnceAndNeverPrintsThem() throws Exception {
        assertThat(run("keygen", "--dir", pki.toString())).isZero();
        assertThat(out.toString()).contains("rollover-A     created  CN=CiscoSystems, OU=C3900, O=CiscoSystems,"
                + " serial ").contains("development-B  created").doesNotContain("PRIVATE");
        try (var files = Files.list(pki)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("rollover-A.key",
                    "rollover-A.crt", "release-A.key", "release-A.crt", "release-B.key", "release-B.crt",
                    "development-A.key", "development-A.crt", "development-B.key", "development-B.crt");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pki))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pki.resolve("release-A.key"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(pki.resolve("release-A.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
        String first = Files.readString(pki.resolve("release-A.crt"));
        assertThat(run("keygen", "--dir", pki.toString(), "--unit", "C1900")).isZero();
        assertThat(out.toString()).contains("release-A      kept     CN=CiscoSystems, OU=C3900")
                .endsWith("(nothing created)\n");
        assertThat(Files.readString(pki.resolve("release-A.crt"))).isEqualTo(first);
    }

    @Test
    void keygenRefusesAKeyWithoutItsCertificate() throws Exception {
        run("keygen", "--dir", pki.toString());
        Files.delete(pki.resolve("release-B.crt"));
        assertThat(run("keygen", "--dir", pki.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("release-B.crt is missing while").contains("release-B.key exists");
        assertThat(pki.resolve("release-B.crt")).doesNotExist();
    }

    @Test
    void signWritesAnImageADeviceAccepts() throws Exception {
        run("keygen", "--dir", pki.toString());
        Path image = dir.resolve("c3900-universalk9-mz.SPA.157-3.M8.bin");
        assertThat(run("sign", "--pki", pki.toString(), "--type", "production", "--platform", "C3900",
                "--version", "15.7(3)M8", "--in", payload.toString(), "--out", image.toString(),
                "--bundle", "development-B")).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Signed " + image + ": production image for C3900, version 15.7(3)M8,"
                + " release-A (CN=CiscoSystems, OU=C3900, O=CiscoSystems, serial ").contains("bundles development-B;"
                + " payload 200000 bytes, envelope ");
        LabPki lab = LabPki.load(pki);
        VerificationResult r;
        try (FileChannel ch = FileChannel.open(image, StandardOpenOption.READ)) {
            r = ImageVerifier.verify(ch, (t, v) -> lab.find(t, v).map(k -> new StoredKey(k.publicKey(),
                    KeyState.ACTIVE)), ImageCheck.signatureOnly());
        }
        assertThat(r.status()).isEqualTo(VerificationStatus.VALID);
        assertThat(r.signature().orElseThrow().metadata()).isEqualTo(ImageMetadata.of(ImageType.PRODUCTION,
                KeyType.RELEASE, 'A', "C3900", "15.7(3)M8").bundling(lab.find("development-B").orElseThrow()
                .publicKey()));
    }

    @Test
    void signTakesAKeyFileAndRefusesRulesTheFormatBreaks() throws Exception {
        run("keygen", "--dir", pki.toString());
        Path out1 = dir.resolve("x.SSB.bin");
        assertThat(run("sign", "--key", pki.resolve("development-B.key").toString(), "--type", "special",
                "--platform", "C3900", "--version", "15.7(3)M8", "--in", payload.toString(), "--out",
                out1.toString())).isZero();
        assertThat(out.toString()).contains("special image for C3900, version 15.7(3)M8, development-B");
        assertThat(run("sign", "--pki", pki.toString(), "--type", "special", "--key", "release-A", "--platform",
                "C3900", "--version", "v", "--in", payload.toString(), "--out", dir.resolve("y").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).isEqualTo("sign: a special image cannot be signed with a release key\n");
        assertThat(run("sign", "--pki", pki.toString(), "--type", "special", "--platform", "C3900", "--version",
                "v", "--bundle", "release-B", "--in", payload.toString(), "--out", dir.resolve("y").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).isEqualTo("sign: a special image cannot bundle a key\n");
        assertThat(run("sign", "--pki", pki.toString(), "--type", "firmware", "--platform", "C3900", "--version",
                "v", "--in", payload.toString(), "--out", dir.resolve("y").toString())).isEqualTo(2);
        assertThat(dir.resolve("y")).doesNotExist();
        assertThat(run("sign", "--help")).isZero();
        assertThat(out.toString()).contains("--version=VERSION").contains("--bundle=KEY");
    }

    @Test
    void checkReportsEveryImageAndFailsWhenOneIsNotValid() throws Exception {
        run("keygen", "--dir", pki.toString());
        Path image = dir.resolve("a.SPA.bin");
        run("sign", "--pki", pki.toString(), "--type", "production", "--platform", "C3900", "--version", "15.1",
                "--in", payload.toString(), "--out", image.toString());
        assertThat(run("check", "--pki", pki.toString(), "--md5", "--repeat", "2", image.toString())).isZero();
        assertThat(out.toString()).contains(image + ": valid (production image for C3900, version 15.1, release key"
                + " A, serial ").contains(", MD5 ").contains("round 1: 1 images, ").contains("round 2: 1 images, ");
        assertThat(run("check", "--pki", pki.toString(), image.toString(), payload.toString())).isEqualTo(1);
        assertThat(out.toString()).contains(payload + ": not signed: no signature trailer");
    }

    @Test
    void withoutASubcommandTheArgumentIsTheDaemonsConfiguration() {
        CommandLine.ParseResult parsed = new CommandLine(new Main()).parseArgs("conf/other.yaml");
        assertThat(parsed.hasSubcommand()).isFalse();
        assertThat(parsed.matchedPositionals()).singleElement()
                .satisfies(p -> assertThat(p.getValue().toString()).isEqualTo("conf/other.yaml"));
    }
}
