package dev.ioslab.commands.exec;

import dev.ioslab.cli.CommandSpec;

/** The help texts the three {@code show software authenticity} commands share. Stateless. */
final class ShowSoftwareAuthenticity {

    private ShowSoftwareAuthenticity() {
    }

    static CommandSpec.Builder describe(CommandSpec.Builder spec) {
        return spec.help("software", "Software information")
                .help("authenticity", "Software authenticity information");
    }
}
