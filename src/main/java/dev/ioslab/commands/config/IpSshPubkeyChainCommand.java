package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code ip ssh pubkey-chain}: enters the mode where users' SSH public keys are configured. */
public final class IpSshPubkeyChainCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("ip ssh pubkey-chain")
                .help("ssh", "Configure ssh options")
                .help("pubkey-chain", "pubkey-chain")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        inv.context().device().config().ssh().enablePubkeyChain();
        inv.context().enterMode(CliMode.CONFIG_SSH_PUBKEY, null);
    }
}
