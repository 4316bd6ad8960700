package dev.ioslab.device;

import java.util.Objects;

/**
 * Configuration of one terminal line ({@code line vty N}): login method, password, transport input, exec
 * timeout, session timeout and inbound access class. Value-like so equal lines can be rendered as one range, as IOS does.
 */
public final class LineState {

    /** {@code login} variants of a line. */
    public enum Login {
        NONE, LINE_PASSWORD, LOCAL
    }

    private Login login = Login.LINE_PASSWORD;
    private Credential password;
    private String transportInput;
    private int execTimeoutMinutes = 10;
    private int execTimeoutSeconds;
    private Integer length;
    /** {@code session-timeout} in minutes; 0 (the default) means none. */
    private int sessionTimeoutMinutes;
    /** {@code session-timeout M output}: output to the line keeps the session too, not only input. */
    private boolean sessionTimeoutOutput;
    /** {@code access-class N in}: the access list a connection's source must pass; null for none. */
    private Integer accessClassIn;
    /** {@code privilege level N}: the privilege a session on this line starts with; null for IOS's default, 1. */
    private Integer privilegeLevel;

    public Login login() {
        return login;
    }

    public void setLogin(Login login) {
        this.login = login;
    }

    public Credential password() {
        return password;
    }

    public void setPassword(Credential password) {
        this.password = password;
    }

    public String transportInput() {
        return transportInput;
    }

    public void setTransportInput(String transportInput) {
        this.transportInput = transportInput;
    }

    public int execTimeoutMinutes() {
        return execTimeoutMinutes;
    }

    public int execTimeoutSeconds() {
        return execTimeoutSeconds;
    }

    public void setExecTimeout(int minutes, int seconds) {
        this.execTimeoutMinutes = minutes;
        this.execTimeoutSeconds = seconds;
    }

    public Integer length() {
        return length;
    }

    public void setLength(Integer length) {
        this.length = length;
    }

    public int sessionTimeoutMinutes() {
        return sessionTimeoutMinutes;
    }

    public boolean sessionTimeoutOutput() {
        return sessionTimeoutOutput;
    }

    public void setSessionTimeout(int minutes, boolean output) {
        this.sessionTimeoutMinutes = minutes;
        this.sessionTimeoutOutput = output;
    }

    public Integer accessClassIn() {
        return accessClassIn;
    }

    public void setAccessClassIn(Integer accessList) {
        this.accessClassIn = accessList;
    }

    public Integer privilegeLevel() {
        return privilegeLevel;
    }

    public void setPrivilegeLevel(Integer level) {
        this.privilegeLevel = level;
    }

    /**
     * The privilege a session on this line starts with when its login gave {@code loginPrivilege}: IOS applies the
     * line's {@code privilege level} to a line-password login and to a local user without a privilege of its own
     * (level 1, which IOS does not even show in {@code username}); a user's own level wins.
     */
    public int sessionPrivilege(int loginPrivilege) {
        return privilegeLevel != null && loginPrivilege == 1 ? privilegeLevel : loginPrivilege;
    }

    LineState copy() {
        LineState c = new LineState();
        c.login = login;
        c.password = password;
        c.transportInput = transportInput;
        c.execTimeoutMinutes = execTimeoutMinutes;
        c.execTimeoutSeconds = execTimeoutSeconds;
        c.length = length;
        c.sessionTimeoutMinutes = sessionTimeoutMinutes;
        c.sessionTimeoutOutput = sessionTimeoutOutput;
        c.accessClassIn = accessClassIn;
        c.privilegeLevel = privilegeLevel;
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LineState l && login == l.login && Objects.equals(password, l.password)
                && Objects.equals(transportInput, l.transportInput) && execTimeoutMinutes == l.execTimeoutMinutes
                && execTimeoutSeconds == l.execTimeoutSeconds && Objects.equals(length, l.length)
                && sessionTimeoutMinutes == l.sessionTimeoutMinutes && sessionTimeoutOutput == l.sessionTimeoutOutput
                && Objects.equals(accessClassIn, l.accessClassIn) && Objects.equals(privilegeLevel, l.privilegeLevel);
    }

    @Override
    public int hashCode() {
        return Objects.hash(login, password, transportInput, execTimeoutMinutes, execTimeoutSeconds, length,
                sessionTimeoutMinutes, sessionTimeoutOutput, accessClassIn, privilegeLevel);
    }
}
