package dev.ioslab.device;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * A device's vty line table: which of its configured lines ({@code line vty 0 4}, {@code line vty 5 15}) are
 * occupied and by whom. A front end claims a line for a connection before it authenticates (the lowest free line
 * whose {@code transport input} allows the protocol and whose {@code access-class ... in} permits the source); the
 * CLI session opened after login then takes that same line over. When no line is free, or none the source may use,
 * the claim fails and the front end closes the connection, as IOS does.
 *
 * <p>Threading: every method is synchronized and returns at once; callers may be on any thread.
 */
public final class VtyLines {

    private final Clock clock;
    private final IntSupplier configured;
    private final IntFunction<LineState> settings;
    private final Supplier<DeviceEvents> events;
    private final Supplier<AccessLists> accessLists;
    private final List<ActiveLine> lines = new ArrayList<>();
    /** How many connections each line has taken since boot ({@code show line}'s Uses column). */
    private final int[] uses = new int[RunningConfig.MAX_VTY];

    VtyLines(Clock clock, IntSupplier configured, IntFunction<LineState> settings) {
        this(clock, configured, settings, () -> DeviceEvents.NONE, AccessLists::new);
    }

    /**
     * @param configured how many vty lines exist now (5 until {@code line vty 5 15} is configured)
     * @param settings   the configuration of line {@code n}
     * @param events     where a logout (a logged-in line freed) is published
     * @param accessLists the device's access lists now, for the lines' {@code access-class}
     */
    VtyLines(Clock clock, IntSupplier configured, IntFunction<LineState> settings, Supplier<DeviceEvents> events,
             Supplier<AccessLists> accessLists) {
        this.clock = clock;
        this.configured = configured;
        this.settings = settings;
        this.events = events;
        this.accessLists = accessLists;
    }

    /**
     * Occupies the lowest free configured line that accepts {@code protocol} ("ssh" or "telnet") for a connection
     * from {@code remote} that has not logged in yet; empty when every such line is busy. {@code terminal} drops
     * the connection (for {@code clear line}) until a session takes the line over.
     */
    public synchronized Optional<ActiveLine> claim(String protocol, InetSocketAddress remote, LineTerminal terminal) {
        int count = configured.getAsInt();
        for (int n = 0; n < count; n++) {
            LineState vty = settings.apply(n);
            if (!occupied(n) && allows(vty.transportInput(), protocol) && admits(vty.accessClassIn(), remote)) {
                ActiveLine line = new ActiveLine(n, protocol, "", location(remote), clock.instant(), terminal, remote);
                lines.add(line);
                uses[n]++;
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    /**
     * Why {@link #claim} found no line for {@code protocol} from {@code remote}, for the log: no configured line's
     * {@code transport input} allows the protocol, every line that does refuses the source by its
     * {@code access-class}, or every line that would take it is busy.
     */
    public synchronized String whyRefused(String protocol, InetSocketAddress remote) {
        boolean transport = false;
        for (int n = 0; n < configured.getAsInt(); n++) {
            LineState vty = settings.apply(n);
            if (allows(vty.transportInput(), protocol)) {
                transport = true;
                if (admits(vty.accessClassIn(), remote)) {
                    return "no free vty line";
                }
            }
        }
        return transport ? "the lines' access-class denies the source" : "no line's transport input allows " + protocol;
    }

    /**
     * The line for a session that has logged in: the line its connection claimed when there is one, otherwise the
     * lowest number not in use (sessions no front end claimed for: replays, exec runs in tests).
     */
    public synchronized ActiveLine occupy(String user, InetSocketAddress remote, LineTerminal terminal) {
        if (remote != null) {
            for (ActiveLine l : lines) {
                if (!l.loggedIn() && remote.equals(l.connection())) {
                    l.logIn(user, terminal);
                    return l;
                }
            }
        }
        int n = 0;
        while (occupied(n)) {
            n++;
        }
        ActiveLine line = new ActiveLine(n, "", user, location(remote), clock.instant(), terminal, null);
        line.logIn(user, terminal);
        lines.add(line);
        if (n < uses.length) {
            uses[n]++;
        }
        return line;
    }

    /** Frees a line; freeing one that is already free does nothing. */
    public synchronized void release(ActiveLine line) {
        if (lines.removeIf(l -> l == line) && line.loggedIn() && line.connection() != null) {
            events.get().publish(new DeviceEvent.Logout(line.user(), line.location(), line.vty()));
        }
    }

    /** The occupied lines, lowest number first. */
    public synchronized List<ActiveLine> active() {
        List<ActiveLine> copy = new ArrayList<>(lines);
        copy.sort(Comparator.comparingInt(ActiveLine::vty));
        return copy;
    }

    /** The session on vty {@code n}, if the line is occupied. */
    public synchronized Optional<ActiveLine> find(int n) {
        return lines.stream().filter(l -> l.vty() == n).findFirst();
    }

    /** How many connections vty {@code n} has taken since boot. */
    public synchronized int uses(int n) {
        return n >= 0 && n < uses.length ? uses[n] : 0;
    }

    /** How many vty lines exist now. */
    public int count() {
        return configured.getAsInt();
    }

    private boolean occupied(int n) {
        return lines.stream().anyMatch(l -> l.vty() == n);
    }

    /** IOS: no {@code transport input} (or {@code all}) admits every protocol, {@code none} admits none. */
    static boolean allows(String transportInput, String protocol) {
        return transportInput == null || transportInput.equals("all")
                || List.of(transportInput.split(" ")).contains(Objects.requireNonNull(protocol));
    }

    /** IOS: {@code access-class N in} admits the sources list N permits; a line without one admits every source. */
    private boolean admits(Integer accessClass, InetSocketAddress remote) {
        return accessClass == null || remote == null || remote.getAddress() == null
                || accessLists.get().permits(accessClass, remote.getAddress());
    }

    private static String location(InetSocketAddress remote) {
        return remote == null || remote.getAddress() == null ? "" : remote.getAddress().getHostAddress();
    }
}
