package dev.ioslab.cli;

import java.net.InetSocketAddress;

/**
 * Who is on a session and through what: the authenticated user and privilege, the transport ("ssh" or "telnet"),
 * the peer address and the terminal the client asked for (columns/rows 0 when unknown).
 */
public record SessionInfo(String user, int privilege, String transport, InetSocketAddress remote,
                          String terminalType, int columns, int rows) {
}
