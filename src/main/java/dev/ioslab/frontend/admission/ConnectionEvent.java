package dev.ioslab.frontend.admission;

/**
 * What can happen to a connection that the daemon summarises instead of logging one line each: the refusals of
 * {@link ConnectionAdmission}, connections the peer reset, and accepts the operating system failed.
 */
public enum ConnectionEvent {

    /** Every descriptor the budget gives front-end connections is in use. */
    REFUSED_DESCRIPTOR_BUDGET("refused: the descriptor budget for connections is used up", true),
    /** Too many connections that have not logged in yet, daemon-wide. */
    REFUSED_NOT_LOGGED_IN("refused: too many connections not logged in yet", false),
    /** Too many connections that have not logged in yet from this source address. */
    REFUSED_NOT_LOGGED_IN_FROM_ADDRESS("refused: too many connections not logged in yet from this address", false),
    /** Too many connections that have not logged in yet from this source address to this listener. */
    REFUSED_NOT_LOGGED_IN_TO_LISTENER("refused: too many connections not logged in yet from this address to this port",
            false),
    /** The connection did not log in within the login timeout and was closed. */
    LOGIN_TIMED_OUT("closed: no login within the login timeout", false),
    /** The peer reset the connection (or it broke) before it closed in order. */
    RESET("reset by the peer", false),
    /** The operating system could not accept a connection (e.g. EMFILE); accepting pauses and retries. */
    ACCEPT_FAILED("could not be accepted; accepting paused", true);

    private final String description;
    private final boolean warning;

    ConnectionEvent(String description, boolean warning) {
        this.description = description;
        this.warning = warning;
    }

    /** How the log line describes the event, after "connection from ADDRESS". */
    public String description() {
        return description;
    }

    /** Whether the event means the daemon is short of descriptors (logged at WARN) rather than a client misbehaving. */
    public boolean warning() {
        return warning;
    }
}
