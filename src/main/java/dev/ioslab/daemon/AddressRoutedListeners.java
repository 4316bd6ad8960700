package dev.ioslab.daemon;

import dev.ioslab.cli.DeviceShell;
import dev.ioslab.config.DeviceSpec;
import dev.ioslab.config.SharedListeners;
import dev.ioslab.frontend.admission.ConnectionAdmission;
import dev.ioslab.frontend.ssh.LazyHostKey;
import dev.ioslab.frontend.ssh.ScpExecHandler;
import dev.ioslab.frontend.ssh.ScpTarget;
import dev.ioslab.frontend.ssh.SharedSshListener;
import dev.ioslab.frontend.ssh.SshBackend;
import dev.ioslab.frontend.ssh.SshDevice;
import dev.ioslab.frontend.ssh.SshSettings;
import dev.ioslab.frontend.telnet.SharedTelnetListener;
import dev.ioslab.frontend.telnet.TelnetSettings;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rack's listeners in shared mode ({@code daemon.sharedListeners}): one SSH and one Telnet listener for every
 * device, each connection handed to the device that owns its destination address ({@link DeviceDirectory}). Devices
 * {@link #attach} as they boot and {@link #detach} when they reload; {@link #start} binds the two sockets once every
 * device of the rack is attached, so a listening port means the whole rack (or shard) answers.
 *
 * <p>Threading: {@link #attach} and {@link #detach} may run on any thread, concurrently; {@link #start} and
 * {@link #close} on the daemon's lifecycle thread.
 */
final class AddressRoutedListeners implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AddressRoutedListeners.class);

    private final SharedListeners settings;
    private final DeviceDirectory directory;
    private final Executor fileIo;
    private final SharedSshListener ssh;
    private final SharedTelnetListener telnet;
    private volatile int sshPort;
    private volatile boolean sshStarted;
    private volatile int telnetPort;

    /**
     * @param admission admits each Telnet connection before it is routed (SSH's is the back end's)
     * @param fileIo writes the host keys devices generate on their first SSH connection
     */
    AddressRoutedListeners(SharedListeners settings, SshBackend sshBackend, SshSettings sshSettings,
                           EventLoopGroup boss, EventLoopGroup workers, TelnetSettings telnetSettings,
                           ConnectionAdmission admission, Executor fileIo, Clock clock) {
        this.settings = settings;
        this.directory = new DeviceDirectory(new UnroutedConnectionLog(clock));
        this.fileIo = fileIo;
        this.sshPort = settings.sshPort();
        this.telnetPort = settings.telnetPort();
        InetAddress bind = literal(settings.address());
        this.ssh = new SharedSshListener(new InetSocketAddress(bind, settings.sshPort()), sshBackend, sshSettings,
                directory::ssh);
        this.telnet = new SharedTelnetListener(new InetSocketAddress(bind, settings.telnetPort()), boss, workers,
                telnetSettings, directory::telnet, admission);
    }

    /** Binds both listeners; warns when that is every interface. On failure neither is left open. */
    void start() throws IOException {
        InetAddress bind = literal(settings.address());
        if (bind.isAnyLocalAddress()) {
            LOG.warn("Shared listeners bind {} (every interface) as daemon.sharedListeners.address says: SSH port {}"
                    + " and Telnet port {} are reachable from every network this host is on; connections to an"
                    + " address that is no device's are closed unanswered", settings.address(), settings.sshPort(),
                    settings.telnetPort());
        }
        try {
            sshPort = ssh.start().getPort();
            sshStarted = true;
            directory.shells().forEach(shell -> shell.device().setSshAlgorithms(ssh.offeredAlgorithms()));
            telnetPort = telnet.start().get().getPort();
        } catch (ExecutionException e) {
            close();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException(cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IOException("interrupted while binding the shared listeners", e);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("{} devices answer on the shared SSH port {} and Telnet port {}", directory.size(), sshPort,
                telnetPort);
    }

    /** Makes the device reachable at its address, its SCP requests served by {@code scp}. */
    void attach(DeviceSpec spec, DeviceShell shell, ScpTarget scp) {
        SshDevice sshDevice = new SshDevice(shell,
                new LazyHostKey(shell.device().stateDir().resolve("ssh").resolve("hostkey"), spec.name(), fileIo),
                List.of(new ScpExecHandler(scp)));
        if (sshStarted) {
            shell.device().setSshAlgorithms(ssh.offeredAlgorithms());
        }
        directory.up(literal(spec.address()), shell, sshDevice);
    }

    /** Makes the device unreachable: new connections to it are refused and its open ones closed. */
    void detach(DeviceSpec spec, DeviceShell shell) {
        directory.down(literal(spec.address()));
        ssh.hangUp(shell);
        telnet.hangUp(shell);
    }

    /** Where the device answers: its own address on the shared ports (the bound ones once started). */
    List<Daemon.Listener> listeners(DeviceSpec spec) {
        return List.of(new Daemon.Listener(spec.name(), "ssh", new InetSocketAddress(spec.address(), sshPort)),
                new Daemon.Listener(spec.name(), "telnet", new InetSocketAddress(spec.address(), telnetPort)));
    }

    @Override
    public void close() {
        ssh.close();
        telnet.close();
    }

    /** A configured address literal (checked by the configuration, so no name is ever resolved). */
    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address literal: " + address, e);
        }
    }
}
