package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code ip domain name X} (also the older {@code ip domain-name X}) and its {@code no} form. */
public final class IpDomainNameCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("ip (domain name|domain-name) WORD:name")
                .syntax("no ip (domain name|domain-name) [WORD:name]")
                .help("ip", "Global IP configuration subcommands")
                .help("domain", "IP DNS Resolver")
                .help("name", "Default domain name")
                .help("domain-name", "Define the default domain name")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        inv.context().device().config().setDomainName(inv.isNo() ? null : inv.arg("name"));
    }
}
