package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/**
 * {@code [no] file verify auto}: every {@code copy} and {@code reload} checks image signatures as if {@code /verify}
 * were typed; {@code /noverify} still skips the check (reference §5.8, Cisco's "file verify auto").
 */
public final class FileVerifyAutoCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("[no] file verify auto")
                .help("file", "Adjust file system parameters")
                .help("verify", "Verify compressed IOS image checksum")
                .help("auto", "Verify compressed IOS image checksum automatically")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        inv.context().device().config().files().setVerifyAuto(!inv.isNo());
    }
}
