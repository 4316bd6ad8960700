/**
 * The Telnet front end: one Netty listener per device (or one {@link
 * dev.ioslab.frontend.telnet.SharedTelnetListener} for the rack, routing by destination address) that frames RFC 854 traffic, negotiates options, runs the
 * IOS login dialogue and then feeds the user's bytes into a {@link dev.ioslab.cli.ShellSession}.
 *
 * <p>Threading: every connection's state is touched only on its channel's event loop, which is shared by all devices
 * and never blocks; the {@link dev.ioslab.cli.Terminal} handed to the shell may be written from any thread because
 * it only queues writes on the channel.
 */
package dev.ioslab.frontend.telnet;
