package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.device.LoginBlock;

/**
 * {@code login block-for S attempts N within W} / {@code no login block-for}: after N failed logins within W
 * seconds the device refuses every login for S seconds (IOS login quiet mode).
 */
public final class LoginBlockForCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("login block-for <1-65535>:block attempts <1-65535>:attempts within <1-65535>:within")
                .syntax("no login block-for")
                .help("login", "Enable secure login checking")
                .help("block-for", "Set quiet-mode active time period")
                .help("block", "Quiet-mode active time period (seconds)")
                .help("attempts", "Set max number of fail attempts")
                .help("within", "Watch period for fail attempts")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        inv.context().device().config().setLoginBlock(inv.isNo() ? null : new LoginBlock(
                (int) inv.number("block", 1), (int) inv.number("attempts", 1), (int) inv.number("within", 1)));
    }
}
