package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.Command;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.device.Device;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code reload [in [hhh:]mmm [text] | at hh:mm [day month] [text] | reason text | cancel]} (reference §6.1, §6.2):
 * when the running configuration differs from the saved one, {@code System configuration has been modified. Save?
 * [yes/no]: } first ({@code yes} saves, anything but yes or no gets {@code % Please answer 'yes' or 'no'.}); a
 * scheduled reload then prints {@code Reload scheduled for … by … on vtyN (ip)} and {@code Reload reason: …}; then
 * {@code Proceed with reload? [confirm]}. An immediate reload drops every session of the device, which comes back
 * after its boot time running its startup configuration; other devices are not touched. {@code reload cancel}
 * broadcasts {@code *** --- SHUTDOWN ABORTED ---}.
 */
public final class ReloadCommand implements Command {

    static final String DEFAULT_REASON = "Reload Command";
    private static final Logger LOG = LoggerFactory.getLogger(ReloadCommand.class);

    private final Executor fileIo;

    public ReloadCommand(Executor fileIo) {
        this.fileIo = fileIo;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC)
                .syntax("reload [(in LINE:delay|at LINE:when|reason LINE:text)]")
                .syntax("reload cancel")
                .help("reload", "Halt and perform a cold restart")
                .help("in", "Reload after a time interval")
                .help("delay", "Delay before reload (mmm or hhh:mm), optionally followed by the reason")
                .help("at", "Reload at a specific time/date")
                .help("when", "Time to reload (hh:mm [day month]), optionally followed by the reason")
                .help("reason", "Reload reason")
                .help("text", "Reload reason")
                .help("cancel", "Cancel pending reload")
                .build();
    }

    @Override
    public CompletableFuture<Void> execute(Invocation inv) {
        Device device = inv.context().device();
        if (inv.has("cancel")) {
            if (!device.reloadSchedule().cancel()) {
                inv.println("%No reload is scheduled.");
            }
            return done();
        }
        Instant now = device.clock().instant();
        Optional<ReloadTime.Parsed> scheduled;
        if (inv.has("in") || inv.has("at")) {
            scheduled = inv.has("in") ? ReloadTime.in(inv.arg("delay"), now) : ReloadTime.at(inv.arg("when"), now);
            if (scheduled.isEmpty()) {
                inv.rejectArgument(inv.has("in") ? "delay" : "when");
                return done();
            }
            if (device.scheduler().isEmpty()) {
                inv.println("%Error: reload scheduling is not available on this device");
                return done();
            }
        } else {
            scheduled = Optional.empty();
        }
        String reason = scheduled.map(ReloadTime.Parsed::reason).filter(r -> !r.isEmpty())
                .orElse(inv.has("reason") ? inv.arg("text").strip() : DEFAULT_REASON);
        return offerSave(inv, device).thenCompose(go -> {
            if (!go) {
                return done();
            }
            String requestedBy = inv.context().info().user() + " on vty" + inv.context().vty()
                    + (inv.context().info().remote() == null ? ""
                    : " (" + inv.context().info().remote().getAddress().getHostAddress() + ")");
            scheduled.ifPresent(s -> {
                inv.println("Reload scheduled for " + IosTime.stamp(s.at()) + " (in " + ReloadTime.left(now, s.at())
                        + ") by " + requestedBy);
                inv.println("Reload reason: " + reason);
            });
            return inv.confirm("Proceed with reload? [confirm]").thenAccept(yes -> {
                if (!yes) {
                    return;
                }
                if (scheduled.isPresent()) {
                    device.reloadSchedule().schedule(scheduled.get().at(), reason, requestedBy,
                            device.scheduler().orElseThrow());
                    LOG.info("{}: reload scheduled for {} by {}", device.name(), scheduled.get().at(), requestedBy);
                } else {
                    LOG.info("{}: %SYS-5-RELOAD: Reload requested by {}. Reload Reason: {}.", device.name(),
                            requestedBy, reason);
                    device.reload(reason);
                }
            });
        });
    }

    /** The save question when the running configuration is not what NVRAM holds; completes with "go on". */
    private CompletableFuture<Boolean> offerSave(Invocation inv, Device device) {
        boolean modified = !device.startupConfig().read().equals(Optional.of(device.startupConfigText()));
        if (!modified) {
            return CompletableFuture.completedFuture(true);
        }
        return inv.ask("System configuration has been modified. Save? [yes/no]: ").thenCompose(answer -> {
            String a = answer.strip().toLowerCase(java.util.Locale.ROOT);
            if (a.equals("y") || a.equals("yes")) {
                inv.stream("Building configuration...\r\n");
                return WriteMemoryCommand.save(device, fileIo).handle((v, e) -> {
                    inv.println(WriteMemoryCommand.outcome(inv, e));
                    return e == null;
                });
            }
            if (a.equals("n") || a.equals("no")) {
                return CompletableFuture.completedFuture(true);
            }
            inv.println("% Please answer 'yes' or 'no'.");
            inv.startLine();
            return offerSave(inv, device);
        });
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }
}
