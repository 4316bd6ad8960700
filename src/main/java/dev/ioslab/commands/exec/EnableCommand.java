package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.Command;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.device.Credential;
import dev.ioslab.device.RunningConfig;
import java.util.concurrent.CompletableFuture;

/**
 * {@code enable [level]}: asks for the enable secret (or password) up to three times, then raises the
 * privilege level; {@code % Bad secrets} after three failures, {@code % No password set} when none is configured.
 */
public final class EnableCommand implements Command {

    private static final int TRIES = 3;

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC).privilege(0)
                .syntax("enable [<0-15>:level]")
                .help("enable", "Turn on privileged commands")
                .help("level", "Enable level")
                .build();
    }

    @Override
    public CompletableFuture<Void> execute(Invocation inv) {
        int target = (int) inv.number("level", 15);
        if (inv.context().privilege() >= target) {
            inv.context().setPrivilege(target);
            return CompletableFuture.completedFuture(null);
        }
        RunningConfig config = inv.context().device().config();
        Credential secret = config.enableSecret() != null ? config.enableSecret() : config.enablePassword();
        if (secret == null) {
            inv.println("% No password set");
            return CompletableFuture.completedFuture(null);
        }
        return attempt(inv, secret, target, 1);
    }

    private CompletableFuture<Void> attempt(Invocation inv, Credential secret, int target, int n) {
        return inv.askSecret("Password: ").thenCompose(typed -> {
            if (inv.context().device().secretCheck().matches(secret, typed)) {
                inv.context().setPrivilege(target);
                return CompletableFuture.completedFuture(null);
            }
            if (n >= TRIES) {
                inv.println("% Bad secrets");
                inv.println("");
                return CompletableFuture.completedFuture(null);
            }
            return attempt(inv, secret, target, n + 1);
        });
    }
}
