package dev.ioslab.frontend.admission;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What an admitted connection holds until it closes: its place in the descriptor budget and, until it logs in, in
 * the not-logged-in caps. {@link #loggedIn()} and {@link #release()} may be called in any order, from any thread,
 * any number of times; each takes effect once.
 */
public final class AdmissionTicket {

    private static final int NOT_LOGGED_IN = 0;
    private static final int LOGGED_IN = 1;
    private static final int RELEASED = 2;

    private final ConnectionAdmission admission;
    private final Object source;
    private final Object onListener;
    private final AtomicInteger state = new AtomicInteger(NOT_LOGGED_IN);

    /** {@code source} and {@code onListener} are the admission's keys for the connection, or null when unknown. */
    AdmissionTicket(ConnectionAdmission admission, Object source, Object onListener) {
        this.admission = admission;
        this.source = source;
        this.onListener = onListener;
    }

    /** The connection has logged in: from now on it counts only against the descriptor budget. */
    public void loggedIn() {
        if (state.compareAndSet(NOT_LOGGED_IN, LOGGED_IN)) {
            admission.loggedIn(source, onListener);
        }
    }

    /** The connection has closed: it counts against nothing any more. */
    public void release() {
        int previous = state.getAndSet(RELEASED);
        if (previous != RELEASED) {
            admission.closed(source, onListener, previous == LOGGED_IN);
        }
    }
}
