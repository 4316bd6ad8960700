package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.Command;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.device.Device;
import dev.ioslab.fs.LocalUrl;
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
 * broadcasts {@code *** --- SHUTDOWN ABORTED ---}. With {@code /verify} (or {@code file verify auto}) the boot image's
 * signature is checked first, and a reload onto an image that does not verify does not happen.
 */
public final class ReloadCommand implements Command {

    static final String DEFAULT_REASON = "Reload Command";
    private static final Logger LOG = LoggerFactory.getLogger(ReloadCommand.class);

    private final Executor fileIo;
    private final SignatureVerification signatures;

    public ReloadCommand(Executor fileIo, SignatureVerification signatures) {
        this.fileIo = fileIo;
        this.signatures = signatures;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC)
                .syntax("reload [/verify|/noverify] [(in LINE:delay|at LINE:when|reason LINE:text)]")
                .syntax("reload cancel")
                .help("reload", "Halt and perform a cold restart")
                .help("/verify", "Verify the digital signature of the boot image before reload")
                .help("/noverify", "Do not verify the boot image before reload")
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
        boolean verify = inv.has("/verify") || !inv.has("/noverify") && device.config().files().verifyAuto();
        return offerSave(inv, device).thenCompose(go -> go && verify ? verifyBootImage(inv, device)
                : CompletableFuture.completedFuture(go)).thenCompose(go -> {
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

    /**
     * {@code reload /verify} and {@code file verify auto}: the image the device will boot (the first {@code boot
     * system} entry, else the running image) is checked before the confirmation; a failed check ends the reload.
     */
    private CompletableFuture<Boolean> verifyBootImage(Invocation inv, Device device) {
        // "boot system flash FILE" (the old syntax, kept verbatim) names flash:FILE, as boot reads it.
        String path = device.config().bootSystem().stream().findFirst().map(ShowBootvarCommand::bootPath)
                .orElse(device.runningImage().path());
        Optional<LocalUrl> url = FileArgument.parseText(inv, path, "path", "opening")
                .filter(LocalUrl.class::isInstance).map(LocalUrl.class::cast);
        if (url.isEmpty()) {
            inv.println("%Error: boot image " + path + " is not on a local file system; reload aborted");
            return CompletableFuture.completedFuture(false);
        }
        inv.stream("Verifying file integrity of " + url.get().display() + "\n");
        return signatures.verify(inv, url.get(), false).handle((result, error) -> {
            if (!SignatureVerification.reportedFailure(inv, url.get(), error)) {
                SignatureVerification.report(result, url.get().display()).forEach(inv::println);
                if (result.isValid()) {
                    inv.println("");
                    inv.println("Signature Verified");
                    inv.startLine();
                    return true;
                }
            }
            inv.println("%ERROR: Reload aborted: the boot image did not verify.");
            return false;
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
