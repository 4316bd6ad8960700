package dev.ioslab.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The SSH algorithm lists every device's server offers, the {@code daemon: ssh:} section. An empty list means "the
 * built-in default for that kind" (chosen by the SSH front end, ordered like an IOS 15 router's where security
 * allows); a written list replaces the default in the order written. Names are SSH's (RFC 4253 section 6, RFC 8731,
 * RFC 9142, OpenSSH's {@code @openssh.com} extensions).
 *
 * @param kex               key exchange methods ({@code curve25519-sha256}, {@code ecdh-sha2-nistp256}, …)
 * @param ciphers           encryption algorithms ({@code aes128-ctr}, {@code aes128-gcm@openssh.com}, …)
 * @param macs              MAC algorithms ({@code hmac-sha2-256}, …); AEAD ciphers (GCM, ChaCha20) ignore them
 * @param hostKeyAlgorithms host key signature algorithms; only those that fit the device's host key are offered
 */
public record SshAlgorithmSettings(List<String> kex, List<String> ciphers, List<String> macs,
                                   List<String> hostKeyAlgorithms) {

    /** Every list empty: the built-in defaults. */
    public static final SshAlgorithmSettings DEFAULTS = new SshAlgorithmSettings(List.of(), List.of(), List.of(),
            List.of());

    /** Key exchange methods that may be configured. */
    public static final List<String> KNOWN_KEX = List.of(
            "mlkem768x25519-sha256", "sntrup761x25519-sha512", "sntrup761x25519-sha512@openssh.com",
            "curve25519-sha256", "curve25519-sha256@libssh.org", "curve448-sha512",
            "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521",
            "diffie-hellman-group-exchange-sha256", "diffie-hellman-group14-sha256",
            "diffie-hellman-group16-sha512", "diffie-hellman-group18-sha512",
            // SHA-1 based, what IOS 15.0-15.4 offer; only when written into the configuration
            "diffie-hellman-group14-sha1", "diffie-hellman-group-exchange-sha1");
    /** Ciphers that may be configured. */
    public static final List<String> KNOWN_CIPHERS = List.of(
            "aes128-ctr", "aes192-ctr", "aes256-ctr", "aes128-gcm@openssh.com", "aes256-gcm@openssh.com",
            "chacha20-poly1305@openssh.com",
            // CBC mode (RFC 4253), what old IOS offers; only when written into the configuration
            "aes128-cbc", "aes192-cbc", "aes256-cbc");
    /** MACs that may be configured. */
    public static final List<String> KNOWN_MACS = List.of(
            "hmac-sha2-256", "hmac-sha2-512", "hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com",
            "hmac-sha1", "hmac-sha1-etm@openssh.com");
    /** Host key signature algorithms that may be configured. */
    public static final List<String> KNOWN_HOST_KEY_ALGORITHMS = List.of(
            "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-ed25519",
            "rsa-sha2-512", "rsa-sha2-256", "ssh-rsa");

    /** Algorithms refused even when written, with the reason the error message gives. */
    public static final Map<String, String> REFUSED = Map.of(
            "diffie-hellman-group1-sha1", "a 1024-bit group (Logjam; RFC 9142: SHOULD NOT)",
            "3des-cbc", "a 64-bit block cipher (Sweet32)",
            "arcfour", "RC4 (RFC 8758: MUST NOT)",
            "arcfour128", "RC4 (RFC 8758: MUST NOT)",
            "arcfour256", "RC4 (RFC 8758: MUST NOT)",
            "blowfish-cbc", "a 64-bit block cipher (Sweet32)",
            "hmac-md5", "MD5",
            "hmac-md5-96", "MD5",
            "hmac-sha1-96", "a truncated SHA-1 MAC",
            "ssh-dss", "1024-bit DSA keys");

    public SshAlgorithmSettings {
        kex = List.copyOf(Objects.requireNonNull(kex, "kex"));
        ciphers = List.copyOf(Objects.requireNonNull(ciphers, "ciphers"));
        macs = List.copyOf(Objects.requireNonNull(macs, "macs"));
        hostKeyAlgorithms = List.copyOf(Objects.requireNonNull(hostKeyAlgorithms, "hostKeyAlgorithms"));
    }
}
