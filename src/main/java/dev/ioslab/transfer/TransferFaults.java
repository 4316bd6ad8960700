package dev.ioslab.transfer;

import java.util.List;

/**
 * The seam through which a transfer learns which faults to suffer: {@link FaultyTransferClient} (FTP, TFTP) and the
 * SSH front end's SCP server ask it once per transfer, when the transfer starts. The control API implements it with
 * its fault plans; {@link #NONE} injects nothing.
 *
 * <p>Threading: called from session, event-loop and SCP threads; implementations are thread-safe and return at once.
 */
@FunctionalInterface
public interface TransferFaults {

    /** Never injects anything. */
    TransferFaults NONE = attempt -> List.of();

    /**
     * The faults that act on {@code attempt}; asking counts as the faults firing (a fault planned for one transfer
     * is not returned again).
     */
    List<TransferFault> faultsFor(TransferAttempt attempt);

    /**
     * One transfer about to start.
     *
     * @param device   the device's name
     * @param url      the remote URL without credentials ({@code ftp://10.1.1.1/images/x.bin}); for SCP the flash
     *                 file being written or read ({@code flash0:/x.bin})
     * @param protocol {@code ftp}, {@code tftp} or {@code scp}
     * @param upload   whether the device sends the file (copy to the server, or an SCP read from the device)
     */
    record TransferAttempt(String device, String url, String protocol, boolean upload) {
    }
}
