package dev.ioslab.frontend.admission;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.OptionalLong;

/**
 * How the process's descriptors are shared out, fixed at start: of the {@code processLimit} (the process's open-file
 * limit, or a configured override), {@code reserved} descriptors are kept for everything that is not a front-end
 * connection — those open at start (the JVM's jars, its pollers, the log), every listening socket, and a headroom for
 * flash files, the devices' FTP/TFTP data channels, the image servers' transfers and the control API — and the rest,
 * {@code connections}, is what SSH and Telnet connections may hold at once, logged in or not.
 *
 * @param processLimit descriptors the process may hold
 * @param reserved     descriptors kept out of the front ends' reach
 * @param connections  descriptors front-end connections may hold at once (at least 1)
 */
public record DescriptorBudget(long processLimit, long reserved, long connections) {

    /** Headroom when none is configured: a tenth of the limit, at least this many. */
    public static final long MIN_DEFAULT_HEADROOM = 128;

    public DescriptorBudget {
        if (connections < 1 || reserved < 0 || reserved + connections != processLimit) {
            throw new IllegalArgumentException("inconsistent descriptor budget: limit " + processLimit + ", reserved "
                    + reserved + ", connections " + connections);
        }
    }

    /**
     * Shares out {@code processLimit}.
     *
     * @param openAtStart descriptors the process holds already
     * @param listeners   listening sockets the daemon will open (two per device, the image servers, the control API)
     * @param headroom    descriptors for files, transfers, image servers and the control API; negative for the default
     *                    ({@link #defaultHeadroom})
     * @throws IllegalArgumentException when nothing is left for connections; the message says what to change
     */
    public static DescriptorBudget derive(long processLimit, long openAtStart, long listeners, long headroom) {
        long kept = headroom < 0 ? defaultHeadroom(processLimit) : headroom;
        long reserved = openAtStart + listeners + kept;
        if (processLimit - reserved < 1) {
            throw new IllegalArgumentException("the process may open " + processLimit + " descriptors, but "
                    + openAtStart + " are open already, " + listeners + " listening sockets and a headroom of " + kept
                    + " need " + reserved + ", which leaves none for connections: raise the limit (ulimit -n, "
                    + "LimitNOFILE=) or daemon.descriptorLimit, or lower daemon.descriptorHeadroom");
        }
        return new DescriptorBudget(processLimit, reserved, processLimit - reserved);
    }

    /** A tenth of the limit, at least {@link #MIN_DEFAULT_HEADROOM}. */
    public static long defaultHeadroom(long processLimit) {
        return Math.max(MIN_DEFAULT_HEADROOM, processLimit / 10);
    }

    /** The process's open-file limit (RLIMIT_NOFILE), when the platform reports it. */
    public static OptionalLong currentProcessLimit() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean unix && unix.getMaxFileDescriptorCount() > 0) {
            return OptionalLong.of(unix.getMaxFileDescriptorCount());
        }
        return OptionalLong.empty();
    }

    /** Descriptors the process holds now, when the platform reports it. */
    public static OptionalLong currentlyOpen() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean unix && unix.getOpenFileDescriptorCount() >= 0) {
            return OptionalLong.of(unix.getOpenFileDescriptorCount());
        }
        return OptionalLong.empty();
    }
}
