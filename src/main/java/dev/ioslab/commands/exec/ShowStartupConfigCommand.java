package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.device.Device;
import java.util.Optional;

/** {@code show startup-config}: the contents of {@code nvram:startup-config} with IOS's usage line. */
public final class ShowStartupConfigCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC).pipeable()
                .syntax("show startup-config")
                .help("startup-config", "Contents of startup configuration")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        Device d = inv.context().device();
        Optional<String> text = d.startupConfig().read();
        if (text.isEmpty()) {
            inv.println("startup-config is not present");
            return;
        }
        inv.println("Using " + text.get().length() + " out of " + d.platform().nvramBytes() + " bytes");
        String body = text.get().endsWith("\n") ? text.get().substring(0, text.get().length() - 1) : text.get();
        for (String l : body.split("\n", -1)) {
            inv.println(l);
        }
        inv.println("");
    }
}
