package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.device.AccessListEntry;

/**
 * {@code access-list N permit|deny any | host A.B.C.D | A.B.C.D [wildcard]} / {@code no access-list N}: the standard
 * IP access lists (1-99) that {@code access-class} on a line refers to. Entries are appended in the order given.
 */
public final class AccessListCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("access-list <1-99>:number (permit|deny) any")
                .syntax("access-list <1-99>:number (permit|deny) host A.B.C.D:host")
                .syntax("access-list <1-99>:number (permit|deny) A.B.C.D:address [A.B.C.D:wildcard]")
                .syntax("no access-list <1-99>:number")
                .help("access-list", "Add an access list entry")
                .help("number", "IP standard access list")
                .help("permit", "Specify packets to forward")
                .help("deny", "Specify packets to reject")
                .help("any", "Any source host")
                .help("host", "A single host address")
                .help("address", "Address to match")
                .help("wildcard", "Wildcard bits")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        int number = (int) inv.number("number", 1);
        if (inv.isNo()) {
            inv.context().device().config().accessLists().remove(number);
            return;
        }
        boolean permit = inv.has("permit");
        AccessListEntry entry;
        if (inv.has("any")) {
            entry = AccessListEntry.of(permit, 0, -1);
        } else if (inv.arg("host") != null) {
            entry = AccessListEntry.of(permit, AccessListEntry.parse(inv.arg("host")), 0);
        } else {
            String wildcard = inv.arg("wildcard");
            entry = AccessListEntry.of(permit, AccessListEntry.parse(inv.arg("address")),
                    wildcard == null ? 0 : AccessListEntry.parse(wildcard));
        }
        inv.context().device().config().accessLists().add(number, entry);
    }
}
