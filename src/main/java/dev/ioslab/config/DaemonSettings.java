package dev.ioslab.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Process-wide settings, the {@code daemon:} section. Relative paths are kept as written; the daemon resolves them
 * against its working directory.
 *
 * @param stateDir             root of runtime state ({@code devices/<name>/}, {@code pki/}); default {@code var}
 * @param logConfig            Logback configuration file; default {@code conf/logback.xml}
 * @param verificationPoolSize workers of the one shared image verification pool; default the number of processors
 * @param bindAddress          IP address listeners use when a device or the image repository names none; default
 *                             {@code 127.0.0.1}, so a fresh install is reachable only from the host itself
 * @param loginTimeout         how long a connection may take to authenticate before it is closed; default 30 s
 * @param ioThreads            threads of the shared network event loops; default the number of processors
 * @param bootTime             how long a reloading device stays unreachable before it listens again; default 3 s
 * @param ssh                  the SSH algorithm lists every device offers ({@code ssh:}); default the built-in lists
 * @param connections          descriptor budget and caps on connections not logged in yet; default
 *                             {@link ConnectionLimits#DEFAULTS}
 * @param sharedListeners      one SSH and one Telnet listener for every device, routed by destination address; empty
 *                             (the default) gives each device listeners of its own
 */
public record DaemonSettings(
        Path stateDir,
        Path logConfig,
        int verificationPoolSize,
        String bindAddress,
        Duration loginTimeout,
        int ioThreads,
        Duration bootTime,
        SshAlgorithmSettings ssh,
        ConnectionLimits connections,
        Optional<SharedListeners> sharedListeners) {

    /** Default {@link #stateDir()}. */
    public static final Path DEFAULT_STATE_DIR = Path.of("var");
    /** Default {@link #logConfig()}. */
    public static final Path DEFAULT_LOG_CONFIG = Path.of("conf", "logback.xml");
    /** Default {@link #bindAddress()}: loopback, never a wildcard, so nothing is exposed unless asked for. */
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    /** Default {@link #loginTimeout()}. */
    public static final Duration DEFAULT_LOGIN_TIMEOUT = Duration.ofSeconds(30);
    /** Default {@link #bootTime()}: a real reload is not instant, and automation must wait for it. */
    public static final Duration DEFAULT_BOOT_TIME = Duration.ofSeconds(3);

    public DaemonSettings {
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(logConfig, "logConfig");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(loginTimeout, "loginTimeout");
        Objects.requireNonNull(bootTime, "bootTime");
        Objects.requireNonNull(ssh, "ssh");
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(sharedListeners, "sharedListeners");
    }

    /** Settings with the built-in SSH algorithm lists, the default {@link ConnectionLimits}, listeners per device. */
    public DaemonSettings(Path stateDir, Path logConfig, int verificationPoolSize, String bindAddress,
                          Duration loginTimeout, int ioThreads, Duration bootTime) {
        this(stateDir, logConfig, verificationPoolSize, bindAddress, loginTimeout, ioThreads, bootTime,
                SshAlgorithmSettings.DEFAULTS, ConnectionLimits.DEFAULTS, Optional.empty());
    }

    /** As the defaults, with the given SSH algorithm lists. */
    public DaemonSettings(Path stateDir, Path logConfig, int verificationPoolSize, String bindAddress,
                          Duration loginTimeout, int ioThreads, Duration bootTime, SshAlgorithmSettings ssh) {
        this(stateDir, logConfig, verificationPoolSize, bindAddress, loginTimeout, ioThreads, bootTime, ssh,
                ConnectionLimits.DEFAULTS, Optional.empty());
    }

    /** As the defaults, with the given {@link ConnectionLimits}. */
    public DaemonSettings(Path stateDir, Path logConfig, int verificationPoolSize, String bindAddress,
                          Duration loginTimeout, int ioThreads, Duration bootTime, ConnectionLimits connections) {
        this(stateDir, logConfig, verificationPoolSize, bindAddress, loginTimeout, ioThreads, bootTime,
                SshAlgorithmSettings.DEFAULTS, connections, Optional.empty());
    }

    /** As the defaults, with shared listeners when given. */
    public DaemonSettings(Path stateDir, Path logConfig, int verificationPoolSize, String bindAddress,
                          Duration loginTimeout, int ioThreads, Duration bootTime,
                          Optional<SharedListeners> sharedListeners) {
        this(stateDir, logConfig, verificationPoolSize, bindAddress, loginTimeout, ioThreads, bootTime,
                SshAlgorithmSettings.DEFAULTS, ConnectionLimits.DEFAULTS, sharedListeners);
    }
}
