package dev.ioslab.frontend.telnet;

import dev.ioslab.cli.LoginMode;
import dev.ioslab.cli.SessionInfo;
import dev.ioslab.cli.ShellEndpoint;
import dev.ioslab.cli.ShellSession;
import dev.ioslab.cli.Terminal;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A device with fixed users and line password whose shells are {@link FakeShellSession}s. Thread-safe. */
final class FakeShellEndpoint implements ShellEndpoint {

    record User(String password, int privilege) {
    }

    private final LoginMode mode;
    private final Map<String, User> users;
    private final String linePassword;
    private final List<FakeShellSession> sessions = new CopyOnWriteArrayList<>();

    FakeShellEndpoint(LoginMode mode, Map<String, User> users, String linePassword) {
        this.mode = mode;
        this.users = Map.copyOf(users);
        this.linePassword = linePassword;
    }

    /** {@code login local} with user admin/cisco at privilege 15. */
    static FakeShellEndpoint local() {
        return new FakeShellEndpoint(LoginMode.LOCAL, Map.of("admin", new User("cisco", 15)), "");
    }

    static FakeShellEndpoint withMode(LoginMode mode) {
        return new FakeShellEndpoint(mode, Map.of("admin", new User("cisco", 15)), "letmein");
    }

    List<FakeShellSession> sessions() {
        return sessions;
    }

    FakeShellSession onlySession() {
        if (sessions.size() != 1) {
            throw new AssertionError("expected one shell session, found " + sessions.size());
        }
        return sessions.get(0);
    }

    @Override
    public String deviceName() {
        return "R1";
    }

    @Override
    public OptionalInt authenticate(String user, String password) {
        User known = users.get(user);
        return known != null && known.password().equals(password) ? OptionalInt.of(known.privilege())
                : OptionalInt.empty();
    }

    @Override
    public LoginMode telnetLoginMode() {
        return mode;
    }

    @Override
    public boolean checkLinePassword(String password) {
        return !linePassword.isEmpty() && linePassword.equals(password);
    }

    @Override
    public ShellSession openShell(SessionInfo info, Terminal terminal) {
        FakeShellSession session = new FakeShellSession(info, terminal);
        sessions.add(session);
        return session;
    }

    @Override
    public CompletableFuture<Integer> exec(SessionInfo info, String commandLine, Terminal terminal) {
        throw new UnsupportedOperationException("Telnet never runs exec requests");
    }
}
