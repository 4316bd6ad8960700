/**
 * The embedded FTP image repository: {@link dev.ioslab.imageserver.ftp.FtpImageServer} runs Apache MINA FtpServer
 * over the daemon's image folder, anonymous read-only and configured upload users confined to {@code upload/},
 * with its file system view kept inside the folder even through symbolic links, bounded logins and connections,
 * and one log line per transfer.
 *
 * <p>Threading: MINA FtpServer runs on its own small, fixed set of threads (one acceptor, an I/O processor per core,
 * a bounded worker pool that moves file data with blocking I/O) plus one watchdog thread that ends stalled
 * transfers; nothing here runs on, or blocks, the daemon's Netty event loops.
 */
package dev.ioslab.imageserver.ftp;
