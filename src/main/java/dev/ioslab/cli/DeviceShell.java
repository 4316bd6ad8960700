package dev.ioslab.cli;

import dev.ioslab.device.ActiveLine;
import dev.ioslab.device.Device;
import dev.ioslab.device.DeviceEvents;
import dev.ioslab.device.InterfaceState;
import dev.ioslab.device.LineState;
import dev.ioslab.device.LineTerminal;
import dev.ioslab.device.SshCiphers;
import dev.ioslab.device.UserAccount;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A device as its front ends see it: checks credentials against the running configuration's local users and
 * {@code line vty} settings, and opens CLI sessions on the shared command catalog. Thread-safe.
 */
public final class DeviceShell implements ShellEndpoint {

    private final Device device;
    private final CommandCatalog catalog;
    private final ScheduledExecutorService idleTimer;
    private final RefusalLog refusals;
    private final SessionFaults faults;

    /** A shell whose sessions are never logged out for being idle (tests, replays). */
    public DeviceShell(Device device, CommandCatalog catalog) {
        this(device, catalog, null);
    }

    /** A shell whose sessions honour the lines' {@code exec-timeout}, checked on {@code idleTimer}. */
    public DeviceShell(Device device, CommandCatalog catalog, ScheduledExecutorService idleTimer) {
        this(device, catalog, idleTimer, SessionFaults.NONE);
    }

    /** As above, with logins and session output subject to {@code faults} (delays run on {@code idleTimer}). */
    public DeviceShell(Device device, CommandCatalog catalog, ScheduledExecutorService idleTimer,
                       SessionFaults faults) {
        this.faults = faults;
        this.device = device;
        this.catalog = catalog;
        this.idleTimer = idleTimer;
        this.refusals = new RefusalLog(device.name(), device.clock(), Duration.ofSeconds(1));
    }

    public Device device() {
        return device;
    }

    @Override
    public String deviceName() {
        return device.name();
    }

    @Override
    public OptionalInt authenticate(String user, String password) {
        if (quiet()) {
            return OptionalInt.empty();
        }
        OptionalInt privilege = device.config().user(user)
                .filter(u -> device.secretCheck().matches(u.credential(), password))
                .map(UserAccount::privilege)
                .map(OptionalInt::of)
                .orElse(OptionalInt.empty());
        if (privilege.isEmpty()) {
            device.loginGuard().failed(device.clock().instant(), device.config().loginBlock());
        }
        // A refused login fails as a wrong password does; only a login that would succeed makes the fault fire.
        return privilege.isPresent() && faults.refuseLogin(device.name(), user) ? OptionalInt.empty() : privilege;
    }

    /**
     * {@code login block-for} quiet mode, or a device in ROM monitor (no IOS runs to log in to): no login of any kind
     * is accepted.
     */
    private boolean quiet() {
        return device.rommonReason().isPresent() || device.loginGuard().quiet(device.clock().instant());
    }

    @Override
    public Optional<String> unavailable() {
        return device.rommonReason().map(r -> "% " + device.name() + " is in ROM monitor: " + r);
    }

    @Override
    public OptionalInt authenticateKey(String user, String keyType, String md5Hex) {
        if (quiet() || !device.config().ssh().keyHashes(user).contains(keyType + " " + md5Hex.toUpperCase())) {
            return OptionalInt.empty();
        }
        if (faults.refuseLogin(device.name(), user)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(device.config().user(user).map(UserAccount::privilege).orElse(1));
    }

    @Override
    public boolean acceptsTransport(String protocol) {
        if (quiet()) {
            return false;
        }
        String allowed = device.config().vtySettings(0).transportInput();
        return allowed == null || allowed.equals("all") || List.of(allowed.split(" ")).contains(protocol);
    }

    @Override
    public Optional<Duration> sshTimeOut() {
        return Optional.of(Duration.ofSeconds(device.config().ssh().timeOutSeconds()));
    }

    @Override
    public OptionalInt sshAuthenticationRetries() {
        return OptionalInt.of(device.config().ssh().authenticationRetries());
    }

    @Override
    public Optional<LineClaim> claimLine(String protocol, InetSocketAddress remote, Runnable hangUp) {
        LineTerminal terminal = new LineTerminal() {
            @Override
            public void announce(String text) {
                // Before login there is no session to show device broadcasts to.
            }

            @Override
            public void hangUp() {
                hangUp.run();
            }
        };
        Optional<ActiveLine> claimed = device.lines().claim(protocol, remote, terminal);
        if (claimed.isEmpty()) {
            refusals.refused(protocol, remote, device.lines().whyRefused(protocol, remote));
        }
        return claimed.map(line -> new LineClaim() {
            @Override
            public int vty() {
                return line.vty();
            }

            @Override
            public void release() {
                device.lines().release(line);
            }

            @Override
            public void sshNegotiated(String encryptionIn, String encryptionOut, String hmacIn, String hmacOut) {
                line.setSshCiphers(new SshCiphers(encryptionIn, encryptionOut, hmacIn, hmacOut));
            }
        });
    }

    @Override
    public LoginMode telnetLoginMode() {
        LineState vty = device.config().vtySettings(0);
        return switch (vty.login()) {
            case LOCAL -> LoginMode.LOCAL;
            case NONE -> LoginMode.NONE;
            case LINE_PASSWORD -> vty.password() == null ? LoginMode.LINE_PASSWORD_NOT_SET : LoginMode.LINE_PASSWORD;
        };
    }

    @Override
    public boolean checkLinePassword(String password) {
        if (quiet()) {
            return false;
        }
        LineState vty = device.config().vtySettings(0);
        boolean ok = vty.password() != null && device.secretCheck().matches(vty.password(), password);
        if (!ok) {
            device.loginGuard().failed(device.clock().instant(), device.config().loginBlock());
        }
        return ok && !faults.refuseLogin(device.name(), "");
    }

    @Override
    public DeviceEvents events() {
        return device.events();
    }

    @Override
    public ShellSession openShell(SessionInfo info, Terminal terminal) {
        return new CliSession(device, catalog, info, delayed(terminal), idleTimer);
    }

    @Override
    public CompletableFuture<Integer> exec(SessionInfo info, String commandLine, Terminal terminal) {
        Terminal output = delayed(terminal);
        CompletableFuture<Integer> status = new CliSession(device, catalog, info, output).runOnce(commandLine);
        // The caller closes the channel on the status: it must not overtake output still delayed by a fault.
        return output instanceof DelayedTerminal delayedOutput ? delayedOutput.after(status) : status;
    }

    /** {@code terminal}, or one that delays every write when a {@code session output-latency} fault fires. */
    private Terminal delayed(Terminal terminal) {
        Duration delay = idleTimer == null ? Duration.ZERO : faults.outputDelay(device.name());
        return delay.isZero() ? terminal : new DelayedTerminal(terminal, delay, idleTimer);
    }

    /**
     * Loads a saved startup configuration at boot. A saved configuration lists {@code shutdown} only under the
     * interfaces that are shut, so physical interfaces start administratively up before the replay, as on IOS
     * (without a startup-config they stay shut, the factory default). Returns the parser's complaints, as
     * {@link #replayConfig} does.
     */
    public String bootFromStartupConfig(String startupConfig) {
        for (InterfaceState i : device.config().interfaces()) {
            if (i.builtIn()) {
                i.setShutdown(false);
            }
        }
        return replayConfig(startupConfig);
    }

    /**
     * Replays configuration text into the device's running configuration through the parser (boot, {@code copy
     * x running-config}). Returns the parser's complaints, one line each, empty when every line was accepted.
     */
    public String replayConfig(String configText) {
        StringBuilder out = new StringBuilder();
        Terminal capture = new Terminal() {
            @Override
            public void write(String text) {
                synchronized (out) {
                    out.append(text);
                }
            }

            @Override
            public void close() {
                // A replay has no connection to close.
            }
        };
        CliSession session = new CliSession(device, catalog, new SessionInfo("", 15, "replay", null, "", 0, 0),
                capture);
        session.replay(configText.endsWith("\n") ? configText : configText + "\n");
        StringBuilder problems = new StringBuilder();
        for (String l : out.toString().split("\r\n")) {
            if (l.startsWith("%")) {
                problems.append(l).append('\n');
            }
        }
        return problems.toString();
    }
}
