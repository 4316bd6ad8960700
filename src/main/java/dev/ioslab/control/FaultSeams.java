package dev.ioslab.control;

import dev.ioslab.cli.SessionFaults;
import dev.ioslab.device.BootFaults;
import dev.ioslab.fs.FaultyWriteChannels;
import dev.ioslab.fs.FsPath;
import dev.ioslab.fs.HostFailure;
import dev.ioslab.fs.SpacePin;
import dev.ioslab.fs.StorageFault;
import dev.ioslab.fs.WriteChannelOpener;
import dev.ioslab.transfer.TransferError;
import dev.ioslab.transfer.TransferFault;
import dev.ioslab.transfer.TransferFaults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The fault plans seen through the seams the failing packages declare: {@link TransferFaults} (each transfer),
 * {@link SessionFaults} (each login, each session opened), {@link BootFaults} (each boot, each reload) and, per
 * device, the storage seam of {@code fs} ({@link #storage}: {@code write-error-after-bytes} and {@code read-only}
 * per write, {@code full} pinning the free space until it has refused its count of writes). A fault fires when a
 * seam asks and it applies; see {@link FaultPlans} for counts and probability.
 *
 * <p>Threading: thread-safe and non-blocking, as every seam requires.
 */
public final class FaultSeams implements TransferFaults, SessionFaults, BootFaults {

    private final FaultPlans plans;

    public FaultSeams(FaultPlans plans) {
        this.plans = plans;
    }

    @Override
    public List<TransferFault> faultsFor(TransferAttempt attempt) {
        FaultMatch.Context context = FaultMatch.Context.transfer(attempt.url(), attempt.protocol());
        List<TransferFault> planned = new ArrayList<>();
        String device = attempt.device();
        Optional<FaultSpec> fail = plans.fire(device, FaultType.TRANSFER_FAIL, context, attempt.url());
        if (fail.isPresent()) {
            // A failed transfer has nothing else to suffer: the other faults keep their firings.
            return List.of(new TransferFault.Fail(error(fail.get().text("reason"))));
        }
        plans.fire(device, FaultType.LATENCY, context, attempt.url())
                .ifPresent(f -> planned.add(new TransferFault.Latency(Duration.ofMillis(f.number("ms")))));
        if (attempt.upload() && attempt.protocol().equals("scp")) {
            // An SCP read from the device suffers only a failure and a delay.
            return planned;
        }
        plans.fire(device, FaultType.STALL_AFTER_BYTES, context, attempt.url())
                .ifPresent(f -> planned.add(new TransferFault.StallAfter(f.number("bytes"))));
        plans.fire(device, FaultType.TRUNCATE_AFTER_BYTES, context, attempt.url())
                .ifPresent(f -> planned.add(new TransferFault.TruncateAfter(f.number("bytes"))));
        plans.fire(device, FaultType.CORRUPT_BYTE_AT, context, attempt.url())
                .ifPresent(f -> planned.add(new TransferFault.CorruptByteAt(f.number("offset"))));
        if (!attempt.upload()) {
            // Clients pull an upload's bytes from their source: there is nothing to pace without a busy loop.
            plans.fire(device, FaultType.BANDWIDTH, context, attempt.url())
                    .ifPresent(f -> planned.add(new TransferFault.Bandwidth(f.number("bytesPerSecond"))));
        }
        return planned;
    }

    @Override
    public boolean refuseLogin(String device, String user) {
        return plans.fire(device, FaultType.REFUSE_LOGINS, FaultMatch.Context.NONE, "login " + user).isPresent();
    }

    @Override
    public Duration outputDelay(String device) {
        return plans.fire(device, FaultType.OUTPUT_LATENCY, FaultMatch.Context.NONE, "session opened")
                .map(f -> Duration.ofMillis(f.number("ms"))).orElse(Duration.ZERO);
    }

    @Override
    public boolean failVerification(String device) {
        return plans.fire(device, FaultType.FAIL_VERIFICATION, FaultMatch.Context.NONE, "boot").isPresent();
    }

    @Override
    public Optional<Duration> bootTime(String device) {
        return plans.fire(device, FaultType.BOOT_TIME, FaultMatch.Context.NONE, "reload")
                .map(f -> Duration.ofSeconds(f.number("seconds")));
    }

    /** The host channels of {@code device}'s file systems: real ones, failing as its {@code flash} faults plan. */
    public WriteChannelOpener storage(String device) {
        return new FaultyWriteChannels(destination -> storageFault(device, destination), new SpacePin() {
            @Override
            public OptionalLong pinnedFree(String fileSystem) {
                return plans.peek(device, FaultType.FLASH_FULL, FaultMatch.Context.fileSystem(fileSystem))
                        .map(f -> OptionalLong.of(f.number("bytes"))).orElse(OptionalLong.empty());
            }

            @Override
            public void refused(String fileSystem, FsPath destination) {
                plans.fire(device, FaultType.FLASH_FULL, FaultMatch.Context.fileSystem(fileSystem),
                        fileSystem + ":" + destination.relative());
            }
        });
    }

    private Optional<StorageFault> storageFault(String device, FsPath destination) {
        String fileSystem = destination.fileSystem().name();
        FaultMatch.Context context = FaultMatch.Context.fileSystem(fileSystem);
        String detail = fileSystem + ":" + destination.relative();
        return plans.fire(device, FaultType.READ_ONLY, context, detail)
                .map(f -> new StorageFault(HostFailure.READ_ONLY, 0))
                .or(() -> plans.fire(device, FaultType.WRITE_ERROR_AFTER_BYTES, context, detail)
                        .map(f -> new StorageFault(HostFailure.IO_ERROR, f.number("bytes"))));
    }

    private static TransferError error(String reason) {
        return switch (reason) {
            case "timed-out" -> TransferError.TIMED_OUT;
            case "connection-refused" -> TransferError.CONNECTION_REFUSED;
            case "permission-denied" -> TransferError.PERMISSION_DENIED;
            case "no-such-file" -> TransferError.NO_SUCH_FILE;
            case "login-failed" -> TransferError.LOGIN_FAILED;
            default -> throw new IllegalArgumentException("unknown transfer failure reason " + reason);
        };
    }
}
