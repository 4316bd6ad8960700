package dev.ioslab.frontend.ssh;

import dev.ioslab.fs.FsPath;
import dev.ioslab.transfer.TransferFault;
import dev.ioslab.transfer.TransferFaults.TransferAttempt;
import java.io.IOException;
import java.util.List;

/**
 * Asks the device's transfer fault plans about one SCP transfer (protocol {@code scp}, the flash file as its URL)
 * and applies what acts before the first byte: a planned failure becomes the SCP error line IOS words as
 * {@code %Error copying|opening <file> (<reason>)}, a latency waits on the SCP thread. What acts on the bytes of an
 * upload is returned for {@link ScpFaultStream}. Stateless.
 */
final class ScpFaults {

    private ScpFaults() {
    }

    static List<TransferFault> before(ScpTarget target, ScpRequest request, FsPath path) throws IOException {
        boolean toDevice = request.direction() == ScpRequest.Direction.TO_DEVICE;
        List<TransferFault> planned = target.transferFaults().faultsFor(new TransferAttempt(target.deviceName(),
                path.display(), "scp", !toDevice));
        for (TransferFault fault : planned) {
            if (fault instanceof TransferFault.Fail fail) {
                throw new ScpFailure("%Error " + (toDevice ? "copying " : "opening ") + path.display() + " ("
                        + fail.error().reason() + ")");
            }
            if (fault instanceof TransferFault.Latency latency) {
                ScpFaultStream.pause(latency.delay().toNanos());
            }
        }
        return toDevice ? planned : List.of();
    }
}
