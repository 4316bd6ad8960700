package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code hostname NAME} / {@code no hostname}: the prompt changes at once; the default name is Router. */
public final class HostnameCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("hostname WORD:name")
                .syntax("no hostname [WORD:name]")
                .help("hostname", "Set system's network name")
                .help("name", "This system's network name")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        if (inv.isNo()) {
            inv.context().device().config().setHostname("Router");
            return;
        }
        String name = inv.arg("name");
        // IOS: a hostname starts with a letter, ends with a letter or digit, and has only letters, digits, hyphens.
        if (!name.matches("[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?")) {
            inv.rejectArgument("name");
            return;
        }
        inv.context().device().config().setHostname(name);
    }
}
