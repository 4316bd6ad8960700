/**
 * The embedded TFTP image server: {@link dev.ioslab.imageserver.tftp.TftpServer} serves the image folder (and takes
 * uploads into an upload folder when enabled) with the codec of {@code transfer.tftp}, one socket and one session per
 * transfer, names checked against their folder.
 *
 * <p>Threading: everything runs on Netty event loops, files read and written there block by block; the only blocking
 * file work (an upload's fsync and rename) goes to an executor. Nothing here imports {@code cli} or {@code commands}.
 */
package dev.ioslab.imageserver.tftp;
