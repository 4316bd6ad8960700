package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code configure terminal}: enters global configuration mode. */
public final class ConfigureTerminalCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC)
                .syntax("configure terminal")
                .help("configure", "Enter configuration mode")
                .help("terminal", "Configure from the terminal")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        inv.println("Enter configuration commands, one per line.  End with CNTL/Z.");
        inv.context().enterMode(CliMode.CONFIG, null);
    }
}
