package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import java.util.Set;

/**
 * {@code logging buffered [size] [level]}, {@code logging host A.B.C.D}, {@code logging trap LEVEL},
 * {@code [no] logging console} and their {@code no} forms: where syslog messages go.
 */
public final class LoggingCommand implements SimpleCommand {

    private static final String LEVELS = "(emergencies|alerts|critical|errors|warnings|notifications|informational"
            + "|debugging)";

    private static final Set<String> SEVERITIES = Set.of("emergencies", "alerts", "critical", "errors", "warnings",
            "notifications", "informational", "debugging");

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("logging buffered [<4096-2147483647>:size] [" + LEVELS + "]")
                .syntax("no logging buffered")
                .syntax("logging host A.B.C.D:host")
                .syntax("no logging host A.B.C.D:host")
                .syntax("logging trap " + LEVELS)
                .syntax("no logging trap")
                .syntax("[no] logging console")
                .help("logging", "Modify message logging facilities")
                .help("buffered", "Set buffered logging parameters")
                .help("size", "Logging buffer size")
                .help("host", "Set syslog server IP address and parameters")
                .help("trap", "Set syslog server logging level")
                .help("console", "Set console logging parameters")
                .help("emergencies", "System is unusable                (severity=0)")
                .help("alerts", "Immediate action needed           (severity=1)")
                .help("critical", "Critical conditions               (severity=2)")
                .help("errors", "Error conditions                  (severity=3)")
                .help("warnings", "Warning conditions                (severity=4)")
                .help("notifications", "Normal but significant conditions (severity=5)")
                .help("informational", "Informational messages            (severity=6)")
                .help("debugging", "Debugging messages                (severity=7)")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        var config = inv.context().device().config();
        String level = inv.keywords().stream().filter(SEVERITIES::contains).findFirst().orElse(null);
        if (inv.has("buffered")) {
            if (inv.isNo()) {
                config.setLoggingBuffered(null, null);
            } else {
                String size = inv.arg("size");
                config.setLoggingBuffered(size == null ? null : Integer.valueOf(size), level);
            }
        } else if (inv.has("host")) {
            if (inv.isNo()) {
                config.removeLoggingHost(inv.arg("host"));
            } else {
                config.addLoggingHost(inv.arg("host"));
            }
        } else if (inv.has("trap")) {
            config.setLoggingTrap(inv.isNo() ? null : level);
        } else if (inv.has("console")) {
            config.setLoggingConsole(!inv.isNo());
        }
    }
}
