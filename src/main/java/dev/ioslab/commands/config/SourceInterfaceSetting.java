package dev.ioslab.commands.config;

import dev.ioslab.cli.Invocation;
import java.util.function.Consumer;

/**
 * The shared rule of {@code ip ftp|tftp source-interface IF}: the interface must exist (else the caret goes under
 * it), and the {@code no} form clears the setting.
 */
final class SourceInterfaceSetting {

    private SourceInterfaceSetting() {
    }

    static void apply(Invocation inv, Consumer<String> setter) {
        if (inv.isNo()) {
            setter.accept(null);
        } else if (inv.context().device().config().existingInterface(inv.arg("name")).isEmpty()) {
            inv.rejectArgument("name");
        } else {
            setter.accept(inv.arg("name"));
        }
    }
}
