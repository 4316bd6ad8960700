/**
 * The device's TFTP client: {@link dev.ioslab.transfer.tftp.TftpClient} (RFC 1350 with the options of RFC 2347,
 * 2348, 2349 and 7440), its packet records and codec ({@link dev.ioslab.transfer.tftp.TftpPacket},
 * {@link dev.ioslab.transfer.tftp.TftpCodec}, shared with the embedded image server) and one state machine per
 * direction.
 *
 * <p>Threading: each transfer lives on one Netty event loop (the client's own, {@link
 * dev.ioslab.transfer.tftp.TftpEventLoops}) and is never blocked there beyond one local write or read of its sink or
 * source; retransmission is a timer on that loop, never a waiting thread.
 */
package dev.ioslab.transfer.tftp;
