package dev.ioslab.frontend.ssh;

import dev.ioslab.device.SshAlgorithms;
import java.io.IOException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.OptionalFeature;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.kex.extension.DefaultServerKexExtensionHandler;
import org.apache.sshd.common.kex.extension.KexExtensionHandler;
import org.apache.sshd.common.kex.extension.parser.ServerSignatureAlgorithms;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.UserAuthFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;

/**
 * Puts the configured algorithm lists on a device's MINA server and says what it then really offers.
 *
 * <p>MINA uses one list of signature algorithms for two jobs: the host key algorithms of the key exchange (those of
 * the list that fit the server's keys) and the {@code server-sig-algs} extension that tells clients which signatures
 * their own public keys may use (RFC 8308 section 3.1), also the list public-key authentication verifies against.
 * Narrowing the host key algorithms must not narrow what users' keys may use, so the server's list is the host key
 * list, and public-key authentication and {@code server-sig-algs} get every supported user-key signature of their own.
 *
 * <p>Which algorithm a connection uses is the client's first choice among those the server offers (RFC 4253 section
 * 7.1); the order written here only shows in {@code show ip ssh}. Threading: called once per server, before it
 * starts, on the thread that starts it.
 */
final class SshAlgorithmSetup {

    /**
     * Key exchange: the elliptic-curve methods first, as IOS 15.5+ lists them, then Curve25519 (RFC 8731) and the
     * ML-KEM hybrid, then DH group 14/16 with SHA-2 (RFC 8268) for old clients. Not by default: SHA-1 methods, and
     * {@code sntrup761x25519-sha512} (post-quantum but about three times the server CPU of the others in Java).
     */
    static final List<String> DEFAULT_KEX = List.of("ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521",
            "curve25519-sha256", "curve25519-sha256@libssh.org", "mlkem768x25519-sha256",
            "diffie-hellman-group14-sha256", "diffie-hellman-group16-sha512");
    /**
     * Ciphers: AES-CTR first as IOS 15 lists them, then AES-GCM; both run on the JDK's AES-NI intrinsics. Not by
     * default: {@code chacha20-poly1305@openssh.com}, which IOS 15 does not offer and OpenSSH picks first when it is
     * offered; MINA's ChaCha20 is pure Java and costs the server about 60% more CPU per MiB than AES-GCM.
     */
    static final List<String> DEFAULT_CIPHERS = List.of("aes128-ctr", "aes192-ctr", "aes256-ctr",
            "aes128-gcm@openssh.com", "aes256-gcm@openssh.com");
    /** MACs: IOS's SHA-2 pair, then their encrypt-then-MAC forms; no SHA-1 by default. */
    static final List<String> DEFAULT_MACS = List.of("hmac-sha2-256", "hmac-sha2-512",
            "hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com");
    /** Host key algorithms; only those that fit the device's key are offered. No SHA-1 {@code ssh-rsa}. */
    static final List<String> DEFAULT_HOST_KEY_ALGORITHMS = List.of("ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521", "ssh-ed25519", "rsa-sha2-512", "rsa-sha2-256");

    private SshAlgorithmSetup() {
    }

    /**
     * Configures {@code server} to offer {@code wanted} (an empty list stands for that kind's default) with
     * {@code hostKey}; call after its user authentication factories are set.
     *
     * @return what the server offers
     * @throws IOException when a name is unknown to MINA, or no host key algorithm fits the key, or nothing of a
     *                     kind is left; the message names the device
     */
    static SshAlgorithms apply(SshServer server, SshAlgorithmLists wanted, KeyPair hostKey, String deviceName)
            throws IOException {
        try {
            return configure(server, Objects.requireNonNull(wanted, "wanted"), hostKey);
        } catch (IllegalArgumentException e) {
            throw new IOException("SSH server for " + deviceName + ": " + e.getMessage(), e);
        }
    }

    private static SshAlgorithms configure(SshServer server, SshAlgorithmLists wanted, KeyPair hostKey) {
        List<BuiltinDHFactories> kex = resolve("key exchange", orDefault(wanted.kex(), DEFAULT_KEX),
                BuiltinDHFactories::fromFactoryName);
        List<BuiltinCiphers> ciphers = resolve("cipher", orDefault(wanted.ciphers(), DEFAULT_CIPHERS),
                BuiltinCiphers::fromFactoryName);
        List<BuiltinMacs> macs = resolve("MAC", orDefault(wanted.macs(), DEFAULT_MACS), BuiltinMacs::fromFactoryName);
        List<BuiltinSignatures> hostSignatures = fitting(resolve("host key algorithm",
                orDefault(wanted.hostKeyAlgorithms(), DEFAULT_HOST_KEY_ALGORITHMS), BuiltinSignatures::fromFactoryName),
                hostKey);

        List<NamedFactory<Signature>> userKeySignatures = ServerBuilder.setUpDefaultSignatureFactories(false);
        server.setKeyExchangeFactories(kex.stream().map(ServerBuilder.DH2KEX).toList());
        server.setCipherFactories(new ArrayList<>(ciphers));
        server.setMacFactories(new ArrayList<>(macs));
        server.setSignatureFactories(new ArrayList<>(hostSignatures));
        server.setKexExtensionHandler(new UserKeySignatureAlgorithms(NamedResource.getNameList(userKeySignatures)));
        List<UserAuthFactory> auth = new ArrayList<>();
        for (UserAuthFactory factory : server.getUserAuthFactories()) {
            auth.add(factory instanceof UserAuthPublicKeyFactory ? new UserAuthPublicKeyFactory(userKeySignatures)
                    : factory);
        }
        server.setUserAuthFactories(auth);
        return new SshAlgorithms(names(kex), names(hostSignatures), names(ciphers), names(macs),
                NamedResource.getNameList(userKeySignatures));
    }

    private static List<String> orDefault(List<String> names, List<String> defaults) {
        return names.isEmpty() ? defaults : names;
    }

    /** MINA's factories for {@code names}, in order; those MINA cannot run here (a missing provider) are left out. */
    private static <T extends NamedResource & OptionalFeature> List<T> resolve(String kind, List<String> names,
                                                                            Function<String, T> lookup) {
        List<T> result = new ArrayList<>();
        for (String name : names) {
            T factory = lookup.apply(name);
            if (factory == null) {
                throw new IllegalArgumentException("unknown SSH " + kind + " '" + name + "'");
            }
            if (factory.isSupported()) {
                result.add(factory);
            }
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("none of the SSH " + kind + " algorithms " + names
                    + " can be offered by this Java runtime");
        }
        return result;
    }

    /** The signatures that can sign with {@code hostKey} (RSA key: {@code rsa-sha2-*} and {@code ssh-rsa}). */
    private static List<BuiltinSignatures> fitting(List<BuiltinSignatures> signatures, KeyPair hostKey) {
        String keyType = KeyUtils.getKeyType(hostKey);
        List<BuiltinSignatures> result = signatures.stream()
                .filter(s -> keyType.equals(KeyUtils.getCanonicalKeyType(s.getName()))).toList();
        if (result.isEmpty()) {
            throw new IllegalArgumentException("none of the host key algorithms " + names(signatures)
                    + " fits the device's " + keyType + " host key");
        }
        return result;
    }

    private static List<String> names(List<? extends NamedResource> resources) {
        return resources.stream().map(NamedResource::getName).toList();
    }

    /**
     * {@code server-sig-algs} (RFC 8308 section 3.1) listing every signature accepted for users' keys, where MINA's
     * default handler would list only the host key algorithms; an OpenSSH client with an RSA key reads it to choose
     * {@code rsa-sha2-512} over the SHA-1 {@code ssh-rsa} it no longer sends.
     */
    private static final class UserKeySignatureAlgorithms extends DefaultServerKexExtensionHandler {
        private final List<String> algorithms;

        UserKeySignatureAlgorithms(List<String> algorithms) {
            this.algorithms = List.copyOf(algorithms);
        }

        @Override
        public void collectExtensions(Session session, KexExtensionHandler.KexPhase phase,
                                      BiConsumer<String, Object> marshaller) {
            if (phase == KexExtensionHandler.KexPhase.NEWKEYS) {
                marshaller.accept(ServerSignatureAlgorithms.NAME, algorithms);
            }
        }
    }
}
