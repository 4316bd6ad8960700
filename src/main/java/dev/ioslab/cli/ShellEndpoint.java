package dev.ioslab.cli;

import dev.ioslab.device.DeviceEvents;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * What a front end needs from one device: credential checks and sessions. Thread-safe.
 *
 * <p>Front ends (SSH, Telnet) own the transport and the login dialogue; everything after login is a
 * {@link ShellSession}.
 */
public interface ShellEndpoint {

    /** The device's name, for logs (not its hostname, which the user can change). */
    String deviceName();

    /** Checks a local user's password or secret; returns the user's privilege level when it matches. */
    OptionalInt authenticate(String user, String password);

    /**
     * Whether the lines accept a connection by {@code protocol} ("ssh" or "telnet"), per {@code transport input}.
     * A refused connection is closed before any login.
     */
    default boolean acceptsTransport(String protocol) {
        return true;
    }

    /**
     * Claims the lowest free vty line that allows {@code protocol} for a connection from {@code remote} that has not
     * logged in yet; empty when every line is busy, and the front end then closes the connection at once. The line
     * is freed by {@link LineClaim#release()} when the connection closes; {@code hangUp} drops the connection when
     * the line is cleared before a session has taken it over.
     */
    default Optional<LineClaim> claimLine(String protocol, InetSocketAddress remote, Runnable hangUp) {
        return Optional.of(LineClaim.NONE);
    }

    /** {@code ip ssh time-out}: how long an SSH connection may take to log in; empty when the device has no say. */
    default Optional<Duration> sshTimeOut() {
        return Optional.empty();
    }

    /** {@code ip ssh authentication-retries}: failed logins allowed per SSH connection; empty when not configured. */
    default OptionalInt sshAuthenticationRetries() {
        return OptionalInt.empty();
    }

    /**
     * Checks a public key offered by {@code user} against {@code ip ssh pubkey-chain}: {@code keyType} is the SSH
     * key type ({@code ssh-rsa}), {@code md5Hex} the MD5 of the key blob in upper-case hex, as IOS's
     * {@code key-hash} shows it. Returns the user's privilege level when the key is configured for the user.
     */
    default OptionalInt authenticateKey(String user, String keyType, String md5Hex) {
        return OptionalInt.empty();
    }

    /** How Telnet logins are asked for, per the current {@code line vty} configuration. */
    LoginMode telnetLoginMode();

    /** Checks the {@code line vty} password (for {@link LoginMode#LINE_PASSWORD}). */
    boolean checkLinePassword(String password);

    /** Where the front end publishes login attempts (the device's events). */
    default DeviceEvents events() {
        return DeviceEvents.NONE;
    }

    /** Opens an interactive session; the caller then calls {@link ShellSession#start()}. */
    ShellSession openShell(SessionInfo info, Terminal terminal);

    /**
     * Runs one exec-mode command line as {@code ssh host command} does: its output goes to {@code terminal};
     * the future completes with an exit status (0 success, 1 when the command failed) and the caller then closes.
     * The caller cancels the future when its channel goes first: the run then ends as a dropped session does (its
     * command aborted, its line freed).
     */
    CompletableFuture<Integer> exec(SessionInfo info, String commandLine, Terminal terminal);

    /**
     * Why the device cannot take sessions at all right now (it is in ROM monitor), for the message a front end shows
     * before it closes the connection; empty when it can.
     */
    default Optional<String> unavailable() {
        return Optional.empty();
    }
}
