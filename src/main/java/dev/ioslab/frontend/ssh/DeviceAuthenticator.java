package dev.ioslab.frontend.ssh;

import dev.ioslab.cli.ShellEndpoint;
import dev.ioslab.device.DeviceEvent.Login;
import dev.ioslab.device.DeviceEvent.LoginResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.server.auth.AsyncAuthException;
import org.apache.sshd.server.auth.keyboard.InteractiveChallenge;
import org.apache.sshd.server.auth.keyboard.KeyboardInteractiveAuthenticator;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks SSH logins (password, keyboard-interactive and public key) against the local users of the session's device
 * ({@link SshDevice#of}) and remembers the privilege level on the session.
 *
 * <p>Keyboard-interactive asks one question, {@code Password: } without echo, as IOS does. Each failure is logged
 * with the user name and the source address (never the password). Once an address is over the throttle's limit, the
 * rejection is completed later by the shared timer ({@link AsyncAuthException}), so no I/O thread ever sleeps. After
 * {@code maxAuthTries} failures on one connection it is dropped with "Too many authentication failures", as
 * OpenSSH's {@code MaxAuthTries} does.
 *
 * <p>Threading: called by MINA on I/O threads, one request at a time per session; never blocks.
 */
final class DeviceAuthenticator implements PasswordAuthenticator, KeyboardInteractiveAuthenticator,
        PublickeyAuthenticator {

    /** Privilege level of the logged-in user, set on the session at successful authentication. */
    static final AttributeKey<Integer> PRIVILEGE = new AttributeKey<>();
    private static final AttributeKey<Integer> FAILURES = new AttributeKey<>();
    private static final Logger LOG = LoggerFactory.getLogger(DeviceAuthenticator.class);

    private final LoginThrottle throttle;
    private final int maxAuthTries;
    private final ScheduledExecutorService timers;

    /**
     * @param throttle shared by every device of the server: on a shared listener one source address is throttled
     *                 across the whole rack
     */
    DeviceAuthenticator(LoginThrottle throttle, int maxAuthTries, ScheduledExecutorService timers) {
        this.throttle = throttle;
        this.maxAuthTries = maxAuthTries;
        this.timers = timers;
    }

    @Override
    public boolean authenticate(String username, String password, ServerSession session) {
        return check(username, password, session, "password");
    }

    @Override
    public InteractiveChallenge generateChallenge(ServerSession session, String username, String lang,
                                                  String subMethods) {
        InteractiveChallenge challenge = new InteractiveChallenge();
        challenge.setInteractionName("");
        challenge.setInteractionInstruction("");
        challenge.setLanguageTag("");
        challenge.addPrompt("Password: ", false);
        return challenge;
    }

    @Override
    public boolean authenticate(ServerSession session, String username, List<String> responses) {
        // A client that answers with no response (cancelled prompt) has simply failed this attempt.
        String password = responses == null || responses.size() != 1 ? "" : responses.get(0);
        return check(username, password, session, "keyboard-interactive");
    }

    /**
     * Public keys from {@code ip ssh pubkey-chain}: IOS keeps them as the MD5 of the key blob ({@code key-hash}),
     * so the offered key is hashed the same way and looked up for the user.
     */
    @Override
    public boolean authenticate(String username, PublicKey key, ServerSession session) {
        InetSocketAddress remote = remoteAddress(session);
        ShellEndpoint endpoint = SshDevice.of(session).endpoint();
        if (!endpoint.acceptsTransport("ssh")) {
            return false;
        }
        String type = KeyUtils.getKeyType(key);
        String md5 = KeyUtils.getFingerPrint(BuiltinDigests.md5, key);
        String hex = md5.substring(md5.indexOf(':') + 1).replace(":", "").toUpperCase(Locale.ROOT);
        OptionalInt privilege = type == null ? OptionalInt.empty() : endpoint.authenticateKey(username, type, hex);
        if (privilege.isEmpty()) {
            LOG.debug("SSH public key {} {} of {} from {} not in the pubkey chain of {}", type, hex, username, remote,
                    endpoint.deviceName());
            return false;
        }
        session.setAttribute(PRIVILEGE, privilege.getAsInt());
        endpoint.events().publish(Login.from(username, remote, "ssh", LoginResult.OK));
        LOG.info("SSH login on {}: user {} from {} (publickey {}), privilege {}", endpoint.deviceName(), username,
                remote, type, privilege.getAsInt());
        return true;
    }

    private boolean check(String user, String password, ServerSession session, String method) {
        InetSocketAddress remote = remoteAddress(session);
        InetAddress source = remote == null ? null : remote.getAddress();
        ShellEndpoint endpoint = SshDevice.of(session).endpoint();
        if (!endpoint.acceptsTransport("ssh")) {
            LOG.info("SSH login on {} from {} refused: transport input does not allow ssh", endpoint.deviceName(),
                    remote);
            endpoint.events().publish(Login.from(user, remote, "ssh", LoginResult.REFUSED));
            return false;
        }
        OptionalInt privilege = endpoint.authenticate(user, password);
        if (privilege.isPresent()) {
            if (source != null) {
                throttle.recordSuccess(source, endpoint.deviceName());
            }
            session.setAttribute(PRIVILEGE, privilege.getAsInt());
            endpoint.events().publish(Login.from(user, remote, "ssh", LoginResult.OK));
            LOG.info("SSH login on {}: user {} from {} ({}), privilege {}",
                    endpoint.deviceName(), user, remote, method, privilege.getAsInt());
            return true;
        }

        endpoint.events().publish(Login.from(user, remote, "ssh", LoginResult.FAILED));
        Integer previous = session.getAttribute(FAILURES);
        int failures = previous == null ? 1 : previous + 1;
        session.setAttribute(FAILURES, failures);
        Duration delay = source == null ? Duration.ZERO : throttle.recordFailure(source, endpoint.deviceName());
        // IOS's "ip ssh authentication-retries" (0 still allows the one attempt just made).
        int allowed = Math.max(1, endpoint.sshAuthenticationRetries().orElse(maxAuthTries));
        boolean last = failures >= allowed;
        LOG.info("SSH login failed on {}: user {} from {} ({}, failure {} of {}{})",
                endpoint.deviceName(), user, remote, method, failures, allowed,
                delay.isZero() ? "" : ", answer delayed " + delay.toMillis() + " ms");
        if (delay.isZero() && !last) {
            return false;
        }
        AsyncAuthException pending = new AsyncAuthException();
        Runnable answer = last ? () -> disconnect(session, endpoint, user, remote, allowed)
                : () -> reject(session, pending);
        timers.schedule(answer, delay.toNanos(), TimeUnit.NANOSECONDS);
        // MINA answers the request when the timer completes it; this I/O thread returns at once.
        throw pending;
    }

    /** Completes a held-back rejection, unless the client hung up meanwhile (nothing left to answer). */
    private static void reject(ServerSession session, AsyncAuthException pending) {
        if (session.isOpen()) {
            pending.setAuthed(false);
        }
    }

    private static void disconnect(ServerSession session, ShellEndpoint endpoint, String user,
                                   InetSocketAddress remote, int allowed) {
        LOG.info("SSH connection on {} from {} dropped after {} failed logins (user {})",
                endpoint.deviceName(), remote, allowed, user);
        try {
            session.disconnect(SshConstants.SSH2_DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE,
                    "Too many authentication failures");
        } catch (IOException e) {
            LOG.debug("Disconnecting {} failed: {}", remote, e.toString());
        }
    }

    static InetSocketAddress remoteAddress(ServerSession session) {
        SocketAddress address = session.getClientAddress();
        return address instanceof InetSocketAddress inet ? inet : null;
    }
}
