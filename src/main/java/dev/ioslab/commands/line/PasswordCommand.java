package dev.ioslab.commands.line;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.device.Credential;
import dev.ioslab.device.RunningConfig;
import dev.ioslab.device.Type7;

/** {@code password [0|7] TEXT} / {@code no password}: the line password used by {@code login}. */
public final class PasswordCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG_LINE)
                .syntax("password [<0-7>:type] LINE:text")
                .syntax("no password")
                .help("password", "Set a password")
                .help("type", "Specifies the type of the password that follows")
                .help("text", "The password")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        RunningConfig config = inv.context().device().config();
        LineRange range = (LineRange) inv.context().modeTarget();
        Credential password = null;
        if (!inv.isNo()) {
            long type = inv.number("type", 0);
            String text = inv.arg("text");
            if (type == 7) {
                if (Type7.decode(text).isEmpty()) {
                    inv.println("Invalid encrypted password: " + text);
                    return;
                }
                password = new Credential(7, text);
            } else if (type == 0) {
                password = config.storedPassword(Credential.password(text));
            } else {
                inv.rejectArgument("type");
                return;
            }
        }
        for (var l : range.states(config)) {
            l.setPassword(password);
        }
    }
}
