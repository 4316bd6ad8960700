package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/**
 * {@code boot system URL}, the old {@code boot system flash FILE}, and {@code no boot system [x]}: entries are kept
 * in order and verbatim (reference §6.3), between the boot markers of the running configuration.
 */
public final class BootSystemCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("boot system URL:url")
                .syntax("boot system flash WORD:file")
                .syntax("no boot system [URL:url]")
                .syntax("no boot system flash WORD:file")
                .help("boot", "Modify system boot parameters")
                .help("system", "System image file")
                .help("url", "System image filename or URL")
                .help("flash", "Boot from flash memory")
                .help("file", "System image filename")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        String entry = inv.arg("file") != null ? "flash " + inv.arg("file") : inv.arg("url");
        var config = inv.context().device().config();
        if (inv.isNo()) {
            config.removeBootSystem(entry);
        } else {
            config.addBootSystem(entry);
        }
    }
}
