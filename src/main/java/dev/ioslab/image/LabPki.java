package dev.ioslab.image;

import dev.ioslab.fs.DurableWrite;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab's signing keys in one folder ({@code var/pki}): the rollover key, release keys A and B and development keys
 * A and B, each an RSA-2048 private key {@code <label>.key} (PKCS#8 PEM, owner-only) and a self-signed certificate
 * {@code <label>.crt} (PEM) whose subject and serial number name the signer. {@link #createOrLoad} creates what is
 * missing and loads the rest; a key without its certificate (or the reverse) is an error rather than silently
 * replaced, since images signed with the old key would stop verifying. Private keys are never logged.
 *
 * <p>Threading: creation and loading are blocking file and CPU work (a few hundred milliseconds per new key); the
 * loaded object is immutable and thread-safe.
 */
public final class LabPki {

    private static final Logger LOG = LoggerFactory.getLogger(LabPki.class);

    /** The keys of a lab PKI, in the order they are created and listed. */
    public static final List<SoftwareKey.Label> LAB_KEYS = List.of(
            new SoftwareKey.Label(KeyType.ROLLOVER, 'A'),
            new SoftwareKey.Label(KeyType.RELEASE, 'A'), new SoftwareKey.Label(KeyType.RELEASE, 'B'),
            new SoftwareKey.Label(KeyType.DEVELOPMENT, 'A'), new SoftwareKey.Label(KeyType.DEVELOPMENT, 'B'));
    /** The keys a fresh device's key storage receives: release A, development A, rollover A. */
    public static final List<SoftwareKey.Label> FACTORY_KEYS = List.of(
            new SoftwareKey.Label(KeyType.RELEASE, 'A'), new SoftwareKey.Label(KeyType.DEVELOPMENT, 'A'),
            new SoftwareKey.Label(KeyType.ROLLOVER, 'A'));

    private static final Duration VALIDITY = Duration.ofDays(30 * 365);

    private final Path dir;
    private final List<LabKey> keys;
    private final List<String> created;

    private LabPki(Path dir, List<LabKey> keys, List<String> created) {
        this.dir = dir;
        this.keys = List.copyOf(keys);
        this.created = List.copyOf(created);
    }

    /** Loads the lab PKI in {@code dir}, creating the folder and any missing key, with the default signer names. */
    public static LabPki createOrLoad(Path dir) throws IOException {
        return createOrLoad(dir, SignerNames.DEFAULT);
    }

    /**
     * Loads the lab PKI in {@code dir}, creating the folder (owner-only) and any missing key with certificates that
     * name {@code names}.
     *
     * @throws IOException when a file cannot be read or written, holds no usable key or certificate, or a key lacks
     *         its certificate (or the reverse)
     */
    public static LabPki createOrLoad(Path dir, SignerNames names) throws IOException {
        createFolder(dir);
        List<LabKey> keys = new ArrayList<>();
        List<String> created = new ArrayList<>();
        for (SoftwareKey.Label label : LAB_KEYS) {
            Path keyFile = keyFile(dir, label);
            Path certFile = certFile(dir, label);
            boolean hasKey = Files.exists(keyFile);
            boolean hasCert = Files.exists(certFile);
            if (hasKey != hasCert) {
                throw new IOException((hasKey ? certFile : keyFile) + " is missing while "
                        + (hasKey ? keyFile : certFile) + " exists; restore it, or delete both to create a new "
                        + label + " key (images signed with the old one will no longer verify)");
            }
            if (hasKey) {
                keys.add(load(label, keyFile, certFile));
            } else {
                keys.add(generate(label, names, keyFile, certFile));
                created.add(label.toString());
            }
        }
        if (!created.isEmpty()) {
            LOG.info("Lab PKI {}: created keys {}", dir, created);
        }
        return new LabPki(dir, keys, created);
    }

    /** Loads an existing lab PKI; nothing is created. */
    public static LabPki load(Path dir) throws IOException {
        List<LabKey> keys = new ArrayList<>();
        for (SoftwareKey.Label label : LAB_KEYS) {
            keys.add(load(label, keyFile(dir, label), certFile(dir, label)));
        }
        return new LabPki(dir, keys, List.of());
    }

    /**
     * Loads one signing key from {@code keyFile} ({@code .../release-A.key}) and the certificate beside it
     * ({@code release-A.crt}); the file name says the key's type and version.
     */
    public static LabKey loadKey(Path keyFile) throws IOException {
        SoftwareKey.Label label = labelOf(keyFile, ".key");
        return load(label, keyFile, keyFile.resolveSibling(label + ".crt"));
    }

    /** The public key of the certificate {@code certFile} ({@code .../development-B.crt}), named by its file name. */
    public static SoftwareKey loadPublicKey(Path certFile) throws IOException {
        SoftwareKey.Label label = labelOf(certFile, ".crt");
        if (!(readPem(certFile) instanceof X509CertificateHolder holder)) {
            throw new IOException(certFile + " holds no certificate");
        }
        try {
            RSAPublicKey key = (RSAPublicKey) new JcaPEMKeyConverter().getPublicKey(holder.getSubjectPublicKeyInfo());
            return SoftwareKey.of(label.type(), label.version(), key);
        } catch (IOException | ClassCastException | IllegalArgumentException e) {
            throw new IOException(certFile + " does not hold an RSA-" + SoftwareKey.MODULUS_BITS + " certificate", e);
        }
    }

    private static SoftwareKey.Label labelOf(Path file, String suffix) throws IOException {
        String name = file.getFileName().toString();
        Optional<SoftwareKey.Label> label = name.endsWith(suffix)
                ? SoftwareKey.parseLabel(name.substring(0, name.length() - suffix.length())) : Optional.empty();
        return label.orElseThrow(() -> new IOException(file + ": the file name must be a key label such as release-A"
                + suffix + " (type release, development or rollover, version A to Z)"));
    }

    /** The folder the keys live in. */
    public Path dir() {
        return dir;
    }

    /** All keys, in {@link #LAB_KEYS} order. */
    public List<LabKey> keys() {
        return keys;
    }

    /** Labels of the keys the call that built this object created ({@code release-B}), empty when all were loaded. */
    public List<String> created() {
        return created;
    }

    /** The key of {@code type} and {@code version}, if the lab has it. */
    public Optional<LabKey> find(KeyType type, char version) {
        return keys.stream().filter(k -> k.type() == type && k.version() == version).findFirst();
    }

    /** The key named {@code label} ({@code release-A}), if the lab has it. */
    public Optional<LabKey> find(String label) {
        return SoftwareKey.parseLabel(label).flatMap(l -> find(l.type(), l.version()));
    }

    /** The public keys a fresh device is provisioned with ({@link #FACTORY_KEYS}). */
    public List<SoftwareKey> factoryKeys() {
        return FACTORY_KEYS.stream().map(l -> find(l.type(), l.version()).orElseThrow().publicKey()).toList();
    }

    /** The private key file of {@code label} in {@code dir}. */
    public static Path keyFile(Path dir, SoftwareKey.Label label) {
        return dir.resolve(label + ".key");
    }

    /** The certificate file of {@code label} in {@code dir}. */
    public static Path certFile(Path dir, SoftwareKey.Label label) {
        return dir.resolve(label + ".crt");
    }

    private static void createFolder(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));
        }
    }

    private static LabKey generate(SoftwareKey.Label label, SignerNames names, Path keyFile, Path certFile)
            throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(SoftwareKey.MODULUS_BITS, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            Certificate certificate = certificate(pair, names);
            DurableWrite.replace(keyFile, pem(new JcaPKCS8Generator(pair.getPrivate(), null)), true);
            DurableWrite.replace(certFile, pem(new X509CertificateHolder(certificate)), false);
            return new LabKey(label.type(), label.version(), pair.getPrivate(), (RSAPublicKey) pair.getPublic(),
                    certificate);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot create the " + label + " key: " + e.getMessage(), e);
        }
    }

    /**
     * A self-signed certificate valid for 30 years: subject O, OU, CN as {@code names}, a random 8-hex-digit serial
     * like Cisco's, a subject key identifier (so signers may be named by it, RFC 5652 §5.3), key usage
     * digitalSignature.
     */
    private static Certificate certificate(KeyPair pair, SignerNames names)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, names.organizationName())
                .addRDN(BCStyle.OU, names.organizationUnit())
                .addRDN(BCStyle.CN, names.commonName())
                .build();
        SecureRandom random = new SecureRandom();
        BigInteger serial = BigInteger.valueOf(0x10000000L + (random.nextInt() & 0x6fffffffL));
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        return builder.build(new JcaContentSignerBuilder("SHA512withRSA").build(pair.getPrivate()))
                .toASN1Structure();
    }

    private static byte[] pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static LabKey load(SoftwareKey.Label label, Path keyFile, Path certFile) throws IOException {
        warnIfReadableByOthers(keyFile);
        PrivateKey privateKey;
        Object keyObject = readPem(keyFile);
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (keyObject instanceof PrivateKeyInfo info) {
                privateKey = converter.getPrivateKey(info);
            } else if (keyObject instanceof PEMKeyPair pair) {
                privateKey = converter.getKeyPair(pair).getPrivate();
            } else {
                throw new IOException(keyFile + " holds no unencrypted private key");
            }
        } catch (IOException e) {
            throw new IOException("cannot read " + keyFile + ": " + e.getMessage(), e);
        }
        if (!(readPem(certFile) instanceof X509CertificateHolder holder)) {
            throw new IOException(certFile + " holds no certificate");
        }
        Certificate certificate = holder.toASN1Structure();
        RSAPublicKey publicKey;
        try {
            publicKey = (RSAPublicKey) new JcaPEMKeyConverter().getPublicKey(holder.getSubjectPublicKeyInfo());
        } catch (IOException | ClassCastException e) {
            throw new IOException(certFile + " does not hold an RSA certificate", e);
        }
        if (!(privateKey instanceof RSAPrivateCrtKey rsa) || !rsa.getModulus().equals(publicKey.getModulus())) {
            throw new IOException(keyFile + " and " + certFile + " do not belong together");
        }
        if (publicKey.getModulus().bitLength() != SoftwareKey.MODULUS_BITS) {
            throw new IOException(keyFile + " is not an RSA-" + SoftwareKey.MODULUS_BITS + " key");
        }
        return new LabKey(label.type(), label.version(), privateKey, publicKey, certificate);
    }

    private static Object readPem(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            if (object == null) {
                throw new IOException(file + " holds no PEM object");
            }
            return object;
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void warnIfReadableByOthers(Path keyFile) {
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> p = Files.getPosixFilePermissions(keyFile);
                if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                    LOG.warn("Private key {} is readable by other users; restrict it with chmod 600", keyFile);
                }
            }
        } catch (IOException e) {
            LOG.debug("Cannot read the permissions of {}: {}", keyFile, e.toString());
        }
    }
}
