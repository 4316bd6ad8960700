package dev.ioslab.device;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * One occupied vty line of a device, for {@code show users} and {@code show line}: the vty number, the user (empty
 * until login), where they came from, when they last typed, and a way to reach their session. The line table
 * changes the user and terminal at login; the owner updates {@link #touch} on input; others only read.
 */
public final class ActiveLine {

    private final int vty;
    private final String protocol;
    private final String location;
    private final InetSocketAddress connection;
    private final Instant since;
    private volatile String user;
    private volatile LineTerminal terminal;
    private volatile boolean loggedIn;
    private volatile Instant lastInput;
    private volatile SshCiphers sshCiphers;

    ActiveLine(int vty, String protocol, String user, String location, Instant now, LineTerminal terminal,
               InetSocketAddress connection) {
        this.vty = vty;
        this.protocol = protocol;
        this.user = user;
        this.location = location;
        this.lastInput = now;
        this.since = now;
        this.terminal = terminal;
        this.connection = connection;
    }

    void logIn(String loginUser, LineTerminal sessionTerminal) {
        this.user = loginUser;
        this.terminal = sessionTerminal;
        this.loggedIn = true;
    }

    /** What the line's SSH connection negotiated; null for Telnet or before key exchange. */
    public SshCiphers sshCiphers() {
        return sshCiphers;
    }

    /** Records the algorithms the line's SSH connection negotiated (called by the front end). */
    public void setSshCiphers(SshCiphers ciphers) {
        this.sshCiphers = ciphers;
    }

    /** Whether a logged-in session has taken the line (false while its connection is still at the login). */
    public boolean loggedIn() {
        return loggedIn;
    }

    /** The connection that claimed the line before login, or null for a line opened without a claim. */
    InetSocketAddress connection() {
        return connection;
    }

    /** The session on this line, as far as the device may reach it. */
    public LineTerminal terminal() {
        return terminal;
    }

    public int vty() {
        return vty;
    }

    /** {@code ssh} or {@code telnet} for a line a front end claimed; empty for a session opened without a claim. */
    public String protocol() {
        return protocol;
    }

    public String user() {
        return user;
    }

    public String location() {
        return location;
    }

    /** When the line was occupied. */
    public Instant since() {
        return since;
    }

    public Instant lastInput() {
        return lastInput;
    }

    public void touch(Instant now) {
        this.lastInput = now;
    }
}
