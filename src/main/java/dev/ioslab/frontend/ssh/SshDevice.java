package dev.ioslab.frontend.ssh;

import dev.ioslab.cli.ShellEndpoint;
import java.util.List;
import java.util.Objects;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.session.Session;

/**
 * What an SSH server needs of one device: its CLI (users, banner, {@code transport input}, vty lines, shells), its
 * host key and the handlers offered exec requests before the CLI (the SCP server). A connection is tied to one device
 * when it is accepted, and every later step (key exchange, authentication, channels) asks {@link #of} for it.
 *
 * @param endpoint     the device's CLI
 * @param hostKey      the device's host key, read or made when first needed
 * @param execHandlers offered each exec request in order; lines nobody claims run on the CLI
 */
public record SshDevice(ShellEndpoint endpoint, HostKeySource hostKey, List<ExecCommandHandler> execHandlers) {

    /** Set on the accepted connection ({@link IoSession}) once it belongs to a device. */
    static final AttributeKey<SshDevice> ATTRIBUTE = new AttributeKey<>();

    public SshDevice {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(hostKey, "hostKey");
        execHandlers = List.copyOf(execHandlers);
    }

    /**
     * The device of a session's connection.
     *
     * @throws IllegalStateException when the connection was never routed (a bug: the session factory routes every
     *                               connection it lets through)
     */
    static SshDevice of(Session session) {
        IoSession io = session.getIoSession();
        Object device = io == null ? null : io.getAttribute(ATTRIBUTE);
        if (device instanceof SshDevice d) {
            return d;
        }
        throw new IllegalStateException("SSH connection " + session + " belongs to no device");
    }
}
