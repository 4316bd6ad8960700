package dev.ioslab.device;

import java.util.List;
import java.util.Objects;

/**
 * The algorithms a device's SSH server offers, in the order offered, as {@code show ip ssh} prints them. Set by the
 * SSH front end once its server is configured, so the command reports what clients are really offered.
 *
 * @param kex                  key exchange methods ({@code KEX Algorithms:})
 * @param hostKeyAlgorithms    host key signature algorithms that fit the device's host key ({@code Hostkey
 *                             Algorithms:})
 * @param ciphers              encryption algorithms ({@code Encryption Algorithms:})
 * @param macs                 MAC algorithms ({@code MAC Algorithms:})
 * @param publicKeyAlgorithms  signature algorithms accepted for users' public keys ({@code Authentication Publickey
 *                             Algorithms:})
 */
public record SshAlgorithms(List<String> kex, List<String> hostKeyAlgorithms, List<String> ciphers,
                            List<String> macs, List<String> publicKeyAlgorithms) {

    public SshAlgorithms {
        kex = List.copyOf(Objects.requireNonNull(kex, "kex"));
        hostKeyAlgorithms = List.copyOf(Objects.requireNonNull(hostKeyAlgorithms, "hostKeyAlgorithms"));
        ciphers = List.copyOf(Objects.requireNonNull(ciphers, "ciphers"));
        macs = List.copyOf(Objects.requireNonNull(macs, "macs"));
        publicKeyAlgorithms = List.copyOf(Objects.requireNonNull(publicKeyAlgorithms, "publicKeyAlgorithms"));
    }
}
