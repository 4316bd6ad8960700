package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code [no] ip tftp blocksize N}: the RFC 2348 block size TFTP transfers ask for (default 512). */
public final class IpTftpBlocksizeCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("ip tftp blocksize <512-8192>:size")
                .syntax("no ip tftp blocksize [<512-8192>:size]")
                .help("blocksize", "Specify TFTP client blocksize")
                .help("size", "blocksize")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        inv.context().device().config().setTftpBlocksize(inv.isNo() ? null : (int) inv.number("size", 512));
    }
}
