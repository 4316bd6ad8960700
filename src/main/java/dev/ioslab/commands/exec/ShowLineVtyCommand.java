package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.device.ActiveLine;
import dev.ioslab.device.Device;
import dev.ioslab.device.LineState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code show line vty N}: the line's row of {@code show line}, then IOS's detailed block for it: who holds it, its
 * timeouts ({@code exec-timeout} as HH:MM:SS, {@code never} for 0 0, and {@code session-timeout} as Idle Session),
 * how long it has been active and the transports it admits. The block follows IOS 15's layout, including the fixed
 * lines a vty always shows.
 */
public final class ShowLineVtyCommand implements SimpleCommand {

    private static final int FIRST_VTY_LINE = 2;
    /** The history size IOS gives a terminal line unless {@code history size} changes it. */
    private static final int LINE_HISTORY = 10;

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC).privilege(1).pipeable()
                .syntax("show line vty <0-15>:number")
                .help("line", "TTY line information")
                .help("vty", "Virtual terminal")
                .help("number", "First Line range")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        Device d = inv.context().device();
        int n = (int) inv.number("number", 0);
        if (n >= d.lines().count()) {
            inv.println("% Invalid line number");
            return;
        }
        Optional<ActiveLine> line = d.lines().find(n);
        LineState settings = d.config().vtySettings(n);
        int tty = FIRST_VTY_LINE + n;
        inv.println(ShowLineCommand.HEADER);
        inv.println(ShowLineCommand.row(line.isPresent(), tty, "VTY", "", d.lines().uses(n)));
        inv.println("");
        inv.println("Line " + tty + ", Location: \"" + line.map(ActiveLine::location).orElse("") + "\", Type: \"\"");
        line.filter(l -> !l.user().isEmpty()).ifPresent(l -> inv.println("User: " + l.user()));
        Integer length = settings.length();
        inv.println("Length: " + (length == null ? 24 : length) + " lines, Width: 80 columns");
        inv.println("Baud rate (TX/RX) is 9600/9600");
        inv.println("Status: " + (line.isPresent() ? "Ready, Active, No Exit Banner" : "No Exit Banner"));
        inv.println("Capabilities: none");
        inv.println("Modem state: " + (line.isPresent() ? "Ready" : "Idle"));
        inv.println("Special Chars: Escape  Hold  Stop  Start  Disconnect  Activation");
        inv.println("                ^^x    none   -     -       none");
        inv.println("Timeouts:      Idle EXEC    Idle Session   Modem Answer  Session   Dispatch");
        inv.println(String.format("               %-16s%-29snone     not set", execTimeout(settings),
                sessionTimeout(settings)));
        inv.println("                            Idle Session Disconnect Warning");
        inv.println("                              never");
        inv.println("                            Login-sequence User Response");
        inv.println("                             00:00:30");
        inv.println("                            Autoselect Initial Wait");
        inv.println("                              not set");
        inv.println("Modem type is unknown.");
        inv.println("Session limit is not set.");
        inv.println("Time since activation: " + line.map(l -> IosTime.hms(Duration.between(l.since(),
                d.clock().instant()))).orElse("never"));
        inv.println("Editing is enabled.");
        inv.println("History is enabled, history size is " + LINE_HISTORY + ".");
        inv.println("DNS resolution in show commands is enabled");
        inv.println("Full user help is disabled");
        inv.println("Allowed input transports are " + inputTransports(settings.transportInput()) + ".");
        inv.println("Allowed output transports are telnet ssh.");
        inv.println("Preferred transport is telnet.");
        inv.println("No output characters are padded");
        inv.println("No special data dispatching characters");
    }

    private static String execTimeout(LineState l) {
        Duration d = Duration.ofMinutes(l.execTimeoutMinutes()).plusSeconds(l.execTimeoutSeconds());
        return d.isZero() ? "never" : IosTime.hms(d);
    }

    /** IOS's Idle Session column: the line's {@code session-timeout} as HH:MM:SS, {@code never} when not set. */
    private static String sessionTimeout(LineState l) {
        return l.sessionTimeoutMinutes() == 0 ? "never" : IosTime.hms(Duration.ofMinutes(l.sessionTimeoutMinutes()));
    }

    /** What the line admits: no {@code transport input} or {@code all} means every protocol ioslab serves. */
    private static String inputTransports(String configured) {
        if (configured == null || configured.equals("all")) {
            return "telnet ssh";
        }
        return String.join(" ", List.of(configured.split(" ")));
    }
}
