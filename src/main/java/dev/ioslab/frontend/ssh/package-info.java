/**
 * SSH front end: one Apache MINA SSHD server per device, or one {@link dev.ioslab.frontend.ssh.SharedSshListener} for
 * the whole rack that routes each connection by its destination address; either way authenticating against the device's local users and feeding
 * shell and exec channels into the CLI ({@link dev.ioslab.cli.ShellEndpoint}); exec requests {@code scp -t|-f} go to
 * the device's SCP server instead ({@link dev.ioslab.frontend.ssh.ScpExecHandler}).
 *
 * <p>Threading: every device server shares the I/O threads and the timer of one {@link
 * dev.ioslab.frontend.ssh.SshBackend}, so an idle device costs a listening socket and no thread. Those threads never
 * block: channel input is read with MINA's asynchronous streams, output is queued and written one buffer at a time,
 * and the delay after failed logins is a scheduled rejection rather than a sleep. The one exception is an SCP
 * transfer in progress: MINA's SCP protocol code uses blocking streams, so each transfer runs on a thread of its own,
 * started with the channel and stopped when it closes.
 */
package dev.ioslab.frontend.ssh;
