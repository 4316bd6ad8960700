package dev.ioslab.frontend.ssh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * Assembles a MINA {@link SshServer} that serves devices, the same way for a device's own listener
 * ({@link SshServerFrontend}) and for the listener every device shares ({@link SharedSshListener}): IOS's
 * identification, the shared back end's threads, the daemon's limits, and authentication, shells and exec requests
 * that all go to the device the accepted connection was tied to ({@link SshDevice#of}).
 *
 * <p>Threading: {@link #build} is called by the thread that starts a listener.
 */
final class DeviceSshServer {

    /** Public keys a client may offer before its password attempts count (see MAX_AUTH_REQUESTS below). */
    private static final int KEY_OFFERS = 8;

    private DeviceSshServer() {
    }

    /**
     * A server not yet started.
     *
     * @param router the device of each accepted connection; empty closes it before the identification is sent
     * @param keys   the host key of the session's device
     */
    static SshServer build(InetSocketAddress bind, SshBackend backend, SshSettings settings,
                           Function<IoSession, Optional<SshDevice>> router, KeyPairProvider keys) {
        SshServer s = SshServer.setUpDefaultServer();
        s.setIoServiceFactoryFactory(backend.ioServiceFactoryFactory());
        s.setScheduledExecutorService(backend.timers(), false);
        s.setHost(bind.getAddress() == null ? bind.getHostString() : bind.getAddress().getHostAddress());
        s.setPort(bind.getPort());
        s.setKeyPairProvider(keys);
        CoreModuleProperties.SERVER_IDENTIFICATION.set(s, SshServerFrontend.SERVER_IDENTIFICATION);
        CoreModuleProperties.AUTH_TIMEOUT.set(s, settings.authTimeout());
        CoreModuleProperties.IDLE_TIMEOUT.set(s, settings.idleTimeout());
        // Backstop only: DeviceAuthenticator drops the connection after maxAuthTries password failures. The extra
        // requests are the "none" probe OpenSSH sends before any real method (RFC 4252 section 5.2) and the public
        // keys a client offers first (an agent or ~/.ssh holds several; paramiko's look_for_keys tries them all).
        CoreModuleProperties.MAX_AUTH_REQUESTS.set(s, settings.maxAuthTries() + 1 + KEY_OFFERS);

        DeviceAuthenticator authenticator = new DeviceAuthenticator(
                new LoginThrottle(settings.failuresBeforeDelay(), settings.failureDelay(), InstantSource.system()),
                settings.maxAuthTries(), backend.timers());
        s.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE, UserAuthKeyboardInteractiveFactory.INSTANCE,
                UserAuthPasswordFactory.INSTANCE));
        s.setPasswordAuthenticator(authenticator);
        s.setKeyboardInteractiveAuthenticator(authenticator);
        s.setPublickeyAuthenticator(authenticator);
        s.setSessionFactory(new VtyLineSessionFactory(s, router));
        s.setShellFactory(channel -> new ShellChannelCommand(SshDevice.of(channel.getSession()).endpoint()));
        s.setCommandFactory((channel, line) -> execCommand(SshDevice.of(channel.getSession()), channel, line));
        return s;
    }

    private static Command execCommand(SshDevice device, ChannelSession channel, String line) throws IOException {
        return new DeviceCommandFactory(device.endpoint(), device.execHandlers()).createCommand(channel, line);
    }
}
