/**
 * The device's FTP client on Netty: {@link dev.ioslab.transfer.ftp.FtpClient} for {@code copy ftp:}, with the codec
 * ({@code FtpReplyDecoder}, {@code FtpCommandEncoder}) apart from the protocol steps ({@code FtpSession}, a state
 * machine over the control connection's replies).
 *
 * <p>Threading: a transfer's control and data connections share one event loop, so its state is never shared
 * between threads; the sink and source are called on that loop, and nothing else blocks it.
 */
package dev.ioslab.transfer.ftp;
