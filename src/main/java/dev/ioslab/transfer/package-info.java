/**
 * Remote transfers for {@code copy}: {@link dev.ioslab.transfer.TransferService} maps a URL scheme to its
 * {@link dev.ioslab.transfer.TransferClient} (FTP and TFTP, on Netty, in the sub-packages), and IOS's rule for FTP
 * credentials lives in {@link dev.ioslab.transfer.FtpCredentialRule}. Commands know nothing else of this package.
 * Planned faults reach transfers through the {@link dev.ioslab.transfer.TransferFaults} seam this package declares,
 * applied around the real clients by {@link dev.ioslab.transfer.FaultyTransferClient}.
 *
 * <p>Threading: clients run on the shared Netty event loops and never block them beyond one local disk write of the
 * sink; every transfer completes a {@link java.util.concurrent.CompletableFuture}, and cancelling that future closes
 * the transfer's sockets at once; fault delays and paced deliveries run on a scheduler, never as a sleep. Nothing
 * here imports {@code cli} or {@code commands}.
 */
package dev.ioslab.transfer;
