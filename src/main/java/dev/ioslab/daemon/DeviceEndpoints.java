package dev.ioslab.daemon;

import dev.ioslab.cli.DeviceShell;
import dev.ioslab.config.DeviceSpec;
import dev.ioslab.device.Device;
import dev.ioslab.device.PowerControl;
import dev.ioslab.frontend.admission.ConnectionAdmission;
import dev.ioslab.frontend.ssh.ScpExecHandler;
import dev.ioslab.frontend.ssh.SshBackend;
import dev.ioslab.frontend.ssh.SshServerFrontend;
import dev.ioslab.frontend.ssh.SshSettings;
import dev.ioslab.frontend.telnet.TelnetServer;
import dev.ioslab.frontend.telnet.TelnetSettings;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device of the rack and its two endpoints (SSH and Telnet listeners), and the device's power: a reload drops
 * every session and closes both listeners, and after the boot time the device boots afresh from its startup
 * configuration and listens again on the very addresses it had (the ports it was given, even when configured as 0).
 * With shared listeners the device is detached from them instead (its connections closed, new ones refused) and
 * attached again after the boot. A reload of one device never touches another.
 *
 * <p>Threading: {@link #start} runs on a start-up thread; a reload is asked from a session or timer thread and
 * carried out on the daemon's lifecycle thread (listeners down, then the boot when the shared scheduler says it is
 * due); the methods are synchronised.
 */
final class DeviceEndpoints implements PowerControl, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceEndpoints.class);

    /**
     * What the front ends need, shared by all devices. {@code shared} is the rack's shared listeners, or
     * {@code null} when each device listens on ports of its own.
     */
    record Transports(SshBackend ssh, SshSettings sshSettings, EventLoopGroup boss, EventLoopGroup workers,
                      TelnetSettings telnetSettings, ScheduledExecutorService scheduler, Executor lifecycle,
                      Duration bootTime, ConnectionAdmission admission, AddressRoutedListeners shared) {
    }

    private final DeviceSpec spec;
    private final DeviceShell shell;
    private final DeviceFactory factory;
    private final Transports transports;
    private InetSocketAddress sshAddress;
    private InetSocketAddress telnetAddress;
    private SshServerFrontend ssh;
    private TelnetServer telnet;
    private boolean closed;
    private boolean rebooting;
    private boolean stopped;
    /** Counts restarts, stops and starts: a boot scheduled before the latest one of them does not happen. */
    private long generation;

    DeviceEndpoints(DeviceSpec spec, DeviceShell shell, DeviceFactory factory, Transports transports) {
        this.spec = spec;
        this.shell = shell;
        this.factory = factory;
        this.transports = transports;
        this.sshAddress = new InetSocketAddress(spec.address(), spec.sshPort());
        this.telnetAddress = new InetSocketAddress(spec.address(), spec.telnetPort());
        shell.device().attach(this, transports.scheduler());
    }

    DeviceShell shell() {
        return shell;
    }

    DeviceSpec spec() {
        return spec;
    }

    /**
     * Both listeners, bound; on failure neither is left open. With shared listeners the device is attached to them
     * instead (reachable at its address once they listen).
     */
    synchronized List<Daemon.Listener> start() throws IOException, InterruptedException {
        if (transports.shared() != null) {
            transports.shared().attach(spec, shell, factory.scpTarget(shell.device()));
            return listeners();
        }
        ScpExecHandler scpServer = new ScpExecHandler(factory.scpTarget(shell.device()));
        SshServerFrontend sshServer = new SshServerFrontend(shell, sshAddress,
                shell.device().stateDir().resolve("ssh").resolve("hostkey"), transports.ssh(),
                transports.sshSettings(), List.of(scpServer));
        TelnetServer telnetServer = new TelnetServer(shell, telnetAddress, transports.boss(), transports.workers(),
                transports.telnetSettings(), transports.admission());
        try {
            InetSocketAddress boundSsh = sshServer.start();
            shell.device().setSshAlgorithms(sshServer.offeredAlgorithms());
            InetSocketAddress boundTelnet = telnetServer.start().get();
            ssh = sshServer;
            telnet = telnetServer;
            sshAddress = boundSsh;
            telnetAddress = boundTelnet;
            return listeners();
        } catch (ExecutionException e) {
            sshServer.close();
            telnetServer.close();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException(cause.getMessage(), cause);
        } catch (IOException | InterruptedException | RuntimeException e) {
            sshServer.close();
            telnetServer.close();
            throw e;
        }
    }

    /** Where the device listens (also while it reboots: the addresses it will listen on again). */
    synchronized List<Daemon.Listener> listeners() {
        if (transports.shared() != null) {
            return transports.shared().listeners(spec);
        }
        return List.of(new Daemon.Listener(spec.name(), "ssh", sshAddress),
                new Daemon.Listener(spec.name(), "telnet", telnetAddress));
    }

    /** Whether the device is between a reload (or a start) and the end of its boot. */
    synchronized boolean rebooting() {
        return rebooting;
    }

    /** Whether the device was stopped ({@link #stop}) and not started again. */
    synchronized boolean stopped() {
        return stopped;
    }

    @Override
    public void reload(Device device, String reason) {
        synchronized (this) {
            if (closed || rebooting || stopped) {
                return;
            }
            restart(reason);
        }
    }

    /**
     * Restarts the device as {@code reload} does, with {@code reason} as the next {@code Last reload reason}
     * ({@code power-on} for a power cycle): the listeners close now, the device boots after the boot time.
     *
     * @return completes once both listeners are closed and every session dropped
     * @throws IllegalStateException when the device is stopped or already rebooting
     */
    synchronized CompletableFuture<Void> powerCycle(String reason) {
        if (closed || stopped) {
            throw new IllegalStateException(spec.name() + " is stopped");
        }
        if (rebooting) {
            throw new IllegalStateException(spec.name() + " is booting");
        }
        return restart(reason);
    }

    /** Listeners down, boot after the boot time; caller holds the lock and has checked the state. */
    private CompletableFuture<Void> restart(String reason) {
        rebooting = true;
        long bootGeneration = ++generation;
        long bootMillis = bootMillis();
        LOG.info("{}: reloading ({}); back in {} ms", spec.name(), reason, bootMillis);
        CompletableFuture<Void> down = new CompletableFuture<>();
        // Not on the caller's thread: the session that asked for the reload first sends what it still holds.
        transports.lifecycle().execute(() -> {
            synchronized (this) {
                stopListening();
            }
            down.complete(null);
        });
        bootLater(reason, bootGeneration, bootMillis);
        return down;
    }

    /**
     * Powers the device off: both listeners close with their sessions and stay closed until {@link #startAgain};
     * a boot that was pending is cancelled. Stopping a stopped device does nothing.
     *
     * @return completes once the listeners are closed
     */
    synchronized CompletableFuture<Void> stop() {
        CompletableFuture<Void> down = new CompletableFuture<>();
        if (closed || stopped) {
            down.complete(null);
            return down;
        }
        stopped = true;
        rebooting = false;
        generation++;
        LOG.info("{}: stopped", spec.name());
        transports.lifecycle().execute(() -> {
            synchronized (this) {
                stopListening();
            }
            down.complete(null);
        });
        return down;
    }

    /**
     * Powers a stopped device on: it boots after the boot time with {@code reason} as {@code Last reload reason} and
     * listens again on its addresses. Starting a device that is not stopped does nothing.
     *
     * @return whether the device was stopped and is now booting
     */
    synchronized boolean startAgain(String reason) {
        if (closed || !stopped) {
            return false;
        }
        stopped = false;
        rebooting = true;
        long bootGeneration = ++generation;
        long bootMillis = bootMillis();
        LOG.info("{}: starting; up in {} ms", spec.name(), bootMillis);
        bootLater(reason, bootGeneration, bootMillis);
        return true;
    }

    /**
     * Boots after {@code bootMillis} on the lifecycle thread, where listeners also stop, so a device's stops and
     * boots never overlap. Not on the timer itself: a boot waits for its image's verification (a second or more for
     * a new image), and the timer runs every session's exec-timeout and every scheduled reload.
     */
    private void bootLater(String reason, long bootGeneration, long bootMillis) {
        transports.scheduler().schedule(() -> transports.lifecycle().execute(() -> boot(reason, bootGeneration)),
                bootMillis, TimeUnit.MILLISECONDS);
    }

    /** How long the next boot keeps the device unreachable (every restart and start goes through here). */
    /** The boot time of the boot scheduled now: the rack's, unless a boot-time fault plans another. */
    private long bootMillis() {
        return factory.bootTime(shell.device(), transports.bootTime()).toMillis();
    }

    private void boot(String reason, long bootGeneration) {
        synchronized (this) {
            if (closed || bootGeneration != generation) {
                return;
            }
        }
        try {
            factory.reboot(shell, spec, reason);
            synchronized (this) {
                if (!closed && bootGeneration == generation) {
                    start();
                    rebooting = false;
                    LOG.info("{}: booted ({})", spec.name(), reason);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("{}: cannot come back after reload: {}", spec.name(), e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Closes both listeners with their sessions, listeners first: a client that sees its session end and connects
     * again at once must find the device unreachable, not a listener about to close.
     */
    private void stopListening() {
        if (transports.shared() != null) {
            transports.shared().detach(spec, shell);
        }
        if (ssh != null) {
            ssh.close();
            ssh = null;
        }
        if (telnet != null) {
            telnet.close();
            telnet = null;
        }
        shell.device().hangUpAll();
    }

    @Override
    public synchronized void close() {
        closed = true;
        stopListening();
    }

    @Override
    public String toString() {
        return "DeviceEndpoints[" + spec.name() + "]";
    }
}
