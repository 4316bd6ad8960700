package dev.ioslab.frontend.ssh;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.ioslab.cli.LoginMode;
import dev.ioslab.cli.SessionInfo;
import dev.ioslab.cli.ShellEndpoint;
import dev.ioslab.cli.Terminal;

/**
 * A device with two local users ({@code admin}/{@code secret} at privilege 15, {@code guest}/{@code guest} at 1)
 * whose shell echoes and whose exec prints the command line back; an exec of {@code hang} never ends by itself.
 */
final class FakeEndpoint implements ShellEndpoint {

    static final String USER = "admin";
    static final String PASSWORD = "secret";

    private static final Map<String, String> PASSWORDS = Map.of(USER, PASSWORD, "guest", "guest");
    private static final Map<String, Integer> PRIVILEGES = Map.of(USER, 15, "guest", 1);

    private final String name;
    private final LinkedBlockingQueue<FakeShellSession> opened = new LinkedBlockingQueue<>();
    final List<SessionInfo> execs = new CopyOnWriteArrayList<>();
    /** The runs of {@code hang}, which complete only when cancelled. */
    final LinkedBlockingQueue<CompletableFuture<Integer>> hanging = new LinkedBlockingQueue<>();

    FakeEndpoint(String name) {
        this.name = name;
    }

    @Override
    public String deviceName() {
        return name;
    }

    @Override
    public OptionalInt authenticate(String user, String password) {
        String expected = PASSWORDS.get(user);
        return expected != null && expected.equals(password)
                ? OptionalInt.of(PRIVILEGES.get(user))
                : OptionalInt.empty();
    }

    @Override
    public LoginMode telnetLoginMode() {
        return LoginMode.LOCAL;
    }

    @Override
    public boolean checkLinePassword(String password) {
        return false;
    }

    @Override
    public FakeShellSession openShell(SessionInfo info, Terminal terminal) {
        FakeShellSession session = new FakeShellSession(name, info, terminal);
        opened.add(session);
        return session;
    }

    /** Prints "<device> ran <line> for <user>" and fails (status 1) for lines starting with "bad". */
    @Override
    public CompletableFuture<Integer> exec(SessionInfo info, String commandLine, Terminal terminal) {
        execs.add(info);
        if (commandLine.equals("hang")) {
            CompletableFuture<Integer> run = new CompletableFuture<>();
            hanging.add(run);
            return run;
        }
        // Completed from another thread, as a slow command's future would be.
        return CompletableFuture.supplyAsync(() -> {
            terminal.write(name + " ran " + commandLine + " for " + info.user() + "\r\n");
            return commandLine.startsWith("bad") ? 1 : 0;
        });
    }

    /** The next shell opened on this device, waiting up to 10 s. */
    FakeShellSession nextShell() throws InterruptedException {
        FakeShellSession session = opened.poll(10, TimeUnit.SECONDS);
        if (session == null) {
            throw new AssertionError("no shell was opened on " + name);
        }
        return session;
    }
}
