package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.device.Device;
import dev.ioslab.device.LoginBlock;
import dev.ioslab.device.LoginGuard;

/**
 * {@code show login}: the state of IOS login quiet mode ({@code login block-for}). Without block-for there is no
 * login delay and no watch; with it IOS applies its default one-second login delay, states the rule, then either the
 * current watch window and the total of failures (normal mode) or the quiet-mode countdown. Layout of IOS 15, every line indented five spaces.
 */
public final class ShowLoginCommand implements SimpleCommand {

    private static final String INDENT = "     ";

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC).privilege(1).pipeable()
                .syntax("show login")
                .help("login", "Display Secure Login Configurations and State")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        Device d = inv.context().device();
        LoginBlock block = d.config().loginBlock();
        if (block == null) {
            line(inv, "No login delay has been applied.");
            line(inv, "No Quiet-Mode access list has been configured.");
            inv.println("");
            line(inv, "Router NOT enabled to watch for login Attacks");
            return;
        }
        LoginGuard.Status status = d.loginGuard().status(d.clock().instant(), block);
        // login block-for turns on IOS's default login delay of one second (no login delay command here).
        line(inv, "A default login delay of 1 second is applied.");
        line(inv, "No Quiet-Mode access list has been configured.");
        inv.println("");
        line(inv, "Router enabled to watch for login Attacks.");
        line(inv, "If more than " + block.attempts() + " login failures occur in " + block.withinSeconds()
                + " seconds or less,");
        line(inv, "  logins will be disabled for " + block.blockSeconds() + " seconds.");
        inv.println("");
        if (status.quiet()) {
            line(inv, "Router presently in Quiet-Mode.");
            line(inv, "Will remain in Quiet-Mode for " + status.quietSeconds() + " seconds.");
            line(inv, "Denying logins from all sources.");
        } else {
            line(inv, "Router presently in Normal-Mode.");
            line(inv, "Current Watch Window");
            line(inv, "    Time remaining: " + status.windowSeconds() + " seconds.");
            line(inv, "    Login failures for current window: " + status.windowFailures() + ".");
            line(inv, "Total login failures: " + status.totalFailures() + ".");
        }
    }

    private static void line(Invocation inv, String text) {
        inv.println(INDENT + text);
    }
}
