package dev.ioslab.config;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * The daemon's defences against connection floods, keys of the {@code daemon:} section.
 *
 * @param descriptorLimit              descriptors the daemon plans with; empty: the process's open-file limit at start
 * @param descriptorHeadroom           descriptors kept for flash files, transfers, the image servers and the control
 *                                     API; empty: a tenth of the limit, at least 128
 * @param maxUnauthenticated           connections that have not logged in yet, all devices and both protocols
 *                                     together; default {@value #DEFAULT_MAX_UNAUTHENTICATED}
 * @param maxUnauthenticatedPerAddress the same, from one source address; default
 *                                     {@value #DEFAULT_MAX_UNAUTHENTICATED_PER_ADDRESS}
 * @param maxUnauthenticatedPerListener the same, from one source address to one device's SSH or Telnet port; default
 *                                     {@value #DEFAULT_MAX_UNAUTHENTICATED_PER_LISTENER}
 */
public record ConnectionLimits(OptionalLong descriptorLimit, OptionalLong descriptorHeadroom, long maxUnauthenticated,
                               long maxUnauthenticatedPerAddress, long maxUnauthenticatedPerListener) {

    /** Default {@link #maxUnauthenticated()}. */
    public static final long DEFAULT_MAX_UNAUTHENTICATED = 1024;
    /**
     * Default {@link #maxUnauthenticatedPerAddress()}: more logins in flight than automation from one host opens at
     * once (Nornir's and Ansible's worker counts), far fewer than a flood holds.
     */
    public static final long DEFAULT_MAX_UNAUTHENTICATED_PER_ADDRESS = 128;
    /**
     * Default {@link #maxUnauthenticatedPerListener()}: every connection not logged in holds one of the device's vty
     * lines, so one address flooding both ports of a device with {@code line vty 0 4} holds four lines at most and
     * leaves one for everybody else; a client logging in one session after another is never held back.
     */
    public static final long DEFAULT_MAX_UNAUTHENTICATED_PER_LISTENER = 2;
    /** Every key at its default. */
    public static final ConnectionLimits DEFAULTS = new ConnectionLimits(OptionalLong.empty(), OptionalLong.empty(),
            DEFAULT_MAX_UNAUTHENTICATED, DEFAULT_MAX_UNAUTHENTICATED_PER_ADDRESS,
            DEFAULT_MAX_UNAUTHENTICATED_PER_LISTENER);

    public ConnectionLimits {
        Objects.requireNonNull(descriptorLimit, "descriptorLimit");
        Objects.requireNonNull(descriptorHeadroom, "descriptorHeadroom");
    }
}
