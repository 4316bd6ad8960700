package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.image.DebugCategory;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * {@code debug software authenticity {envelope|errors|key|revocation|show|verbose}} and its {@code no} and
 * {@code undebug} forms (Cisco's "Digitally Signed Cisco Software", troubleshooting): turns one kind of debugging on
 * or off for the whole device and confirms it as IOS confirms debugging changes. Sessions see the messages after
 * {@code terminal monitor}.
 */
public final class DebugSoftwareAuthenticityCommand implements SimpleCommand {

    private static final String KINDS = Arrays.stream(DebugCategory.values()).map(DebugCategory::keyword)
            .collect(Collectors.joining("|", "(", ")"));

    @Override
    public CommandSpec spec() {
        CommandSpec.Builder spec = CommandSpec.in(CliMode.EXEC)
                .syntax("debug software authenticity " + KINDS)
                .syntax("no debug software authenticity " + KINDS)
                .syntax("undebug software authenticity " + KINDS)
                .help("debug", "Debugging functions (see also 'undebug')")
                .help("undebug", "Disable debugging functions (see also 'debug')")
                .help("software", "Software information")
                .help("authenticity", "Software authenticity debugging");
        for (DebugCategory c : DebugCategory.values()) {
            spec.help(c.keyword(), c.help());
        }
        return spec.build();
    }

    @Override
    public void run(Invocation inv) {
        boolean on = !inv.isNo() && !inv.has("undebug");
        for (DebugCategory c : DebugCategory.values()) {
            if (inv.has(c.keyword())) {
                inv.context().device().softwareAuthenticity().setDebugging(c, on);
                inv.println(ShowDebuggingCommand.describe(c) + " debugging is " + (on ? "on" : "off"));
            }
        }
    }
}
