package dev.ioslab.frontend.ssh;

import java.util.List;
import java.util.Objects;

/**
 * The algorithm lists a device's SSH server is asked to offer, in order, by their SSH names. An empty list stands for
 * that kind's built-in default ({@link SshAlgorithmSetup}). Immutable.
 *
 * @param kex               key exchange methods
 * @param ciphers           encryption algorithms
 * @param macs              MAC algorithms
 * @param hostKeyAlgorithms host key signature algorithms (only those fitting the host key are offered)
 */
public record SshAlgorithmLists(List<String> kex, List<String> ciphers, List<String> macs,
                                List<String> hostKeyAlgorithms) {

    /** Every kind at its built-in default. */
    public static final SshAlgorithmLists DEFAULTS = new SshAlgorithmLists(List.of(), List.of(), List.of(), List.of());

    public SshAlgorithmLists {
        kex = List.copyOf(Objects.requireNonNull(kex, "kex"));
        ciphers = List.copyOf(Objects.requireNonNull(ciphers, "ciphers"));
        macs = List.copyOf(Objects.requireNonNull(macs, "macs"));
        hostKeyAlgorithms = List.copyOf(Objects.requireNonNull(hostKeyAlgorithms, "hostKeyAlgorithms"));
    }
}
