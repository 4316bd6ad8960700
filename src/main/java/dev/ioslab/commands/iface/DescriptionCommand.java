package dev.ioslab.commands.iface;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code description TEXT} / {@code no description}: up to 240 characters, kept as typed. */
public final class DescriptionCommand implements SimpleCommand {

    private static final int MAX = 240;

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG_IF)
                .syntax("description LINE:text")
                .syntax("no description")
                .help("description", "Interface specific description")
                .help("text", "Up to 240 characters describing this interface")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        var iface = inv.context().device().config().interfaceFor((String) inv.context().modeTarget());
        String text = inv.isNo() ? null : inv.arg("text");
        if (text != null && text.length() > MAX) {
            text = text.substring(0, MAX);
        }
        iface.setDescription(text);
    }
}
