package dev.ioslab.daemon;

import dev.ioslab.cli.DeviceShell;
import dev.ioslab.config.DeviceSpec;
import dev.ioslab.device.Device;
import dev.ioslab.device.PowerControl;
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
import java.util.concurrent.ExecutionException;
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
 * carried out on the shared scheduler; the methods are synchronised.
 */
final class DeviceEndpoints implements PowerControl, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceEndpoints.class);

    /**
     * What the front ends need, shared by all devices. {@code shared} is the rack's shared listeners, or
     * {@code null} when each device listens on ports of its own.
     */
    record Transports(SshBackend ssh, SshSettings sshSettings, EventLoopGroup boss, EventLoopGroup workers,
                      TelnetSettings telnetSettings, ScheduledExecutorService scheduler, Duration bootTime,
                      AddressRoutedListeners shared) {
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

    /**
     * Both listeners, bound; on failure neither is left open. With shared listeners the device is attached to them
     * instead (reachable at its address once they listen).
     */
    synchronized List<Daemon.Listener> start() throws IOException, InterruptedException {
        if (transports.shared() != null) {
            transports.shared().attach(spec, shell);
            return listeners();
        }
        ScpExecHandler scpServer = new ScpExecHandler(new DeviceScpTarget(shell.device()));
        SshServerFrontend sshServer = new SshServerFrontend(shell, sshAddress,
                shell.device().stateDir().resolve("ssh").resolve("hostkey"), transports.ssh(),
                transports.sshSettings(), List.of(scpServer));
        TelnetServer telnetServer = new TelnetServer(shell, telnetAddress, transports.boss(), transports.workers(),
                transports.telnetSettings());
        try {
            InetSocketAddress boundSsh = sshServer.start();
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

    /** Whether the device is between a reload and the end of its boot. */
    synchronized boolean rebooting() {
        return rebooting;
    }

    @Override
    public void reload(Device device, String reason) {
        synchronized (this) {
            if (closed || rebooting) {
                return;
            }
            rebooting = true;
        }
        LOG.info("{}: reloading ({}); back in {} ms", spec.name(), reason, transports.bootTime().toMillis());
        // Not on the caller's thread: the session that asked for the reload first sends what it still holds.
        transports.scheduler().execute(() -> {
            synchronized (this) {
                stopListening();
            }
        });
        transports.scheduler().schedule(() -> boot(reason), transports.bootTime().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void boot(String reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        try {
            factory.reboot(shell, spec, reason);
            synchronized (this) {
                if (!closed) {
                    start();
                    rebooting = false;
                    LOG.info("{}: booted after reload ({})", spec.name(), reason);
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
