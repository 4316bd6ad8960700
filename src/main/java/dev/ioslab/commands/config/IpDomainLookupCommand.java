package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/**
 * {@code [no] ip domain lookup} (also {@code ip domain-lookup}): with lookup on, an unknown word at the exec prompt
 * is taken for a host name, as IOS does.
 */
public final class IpDomainLookupCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("[no] ip (domain lookup|domain-lookup)")
                .help("no", "Negate a command or set its defaults")
                .help("lookup", "Enable IP Domain Name System hostname translation")
                .help("domain-lookup", "Enable IP Domain Name System hostname translation")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        inv.context().device().config().setDomainLookup(!inv.isNo());
    }
}
