package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code ip ftp password [0|7] TEXT} / {@code no ip ftp password}: the FTP password when a URL gives none. */
public final class IpFtpPasswordCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("ip ftp password [<0-7>:type] LINE:text")
                .syntax("no ip ftp password")
                .help("password", "Specify password for FTP connections")
                .help("type", "Encryption type (0=not yet encrypted, 7=encrypted)")
                .help("text", "The password")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        var config = inv.context().device().config();
        if (inv.isNo()) {
            config.setFtpPassword(null);
            return;
        }
        SecretInput.password(inv, "type", inv.arg("text")).ifPresent(config::setFtpPassword);
    }
}
