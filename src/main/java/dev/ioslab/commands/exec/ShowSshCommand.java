package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.device.ActiveLine;
import dev.ioslab.device.SshCiphers;
import java.util.List;

/**
 * {@code show ssh}: the logged-in SSH connections, one row per direction with the algorithms each negotiated, in
 * IOS's layout; the server speaks SSH 2 only, so the SSH 1 line always says none run.
 */
public final class ShowSshCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC).privilege(1).pipeable()
                .syntax("show ssh")
                .help("ssh", "Status of SSH server connections")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        List<ActiveLine> ssh = inv.context().device().activeLines().stream()
                .filter(l -> l.loggedIn() && l.sshCiphers() != null).toList();
        if (ssh.isEmpty()) {
            inv.println("%No SSHv2 server connections running.");
        } else {
            inv.println(row("Connection", "Version", "Mode", "Encryption", "Hmac", "State", "Username"));
            for (ActiveLine l : ssh) {
                SshCiphers c = l.sshCiphers();
                String vty = Integer.toString(l.vty());
                inv.println(row(vty, "2.0", "IN", c.encryptionIn(), c.hmacIn(), "Session started", l.user()));
                inv.println(row(vty, "2.0", "OUT", c.encryptionOut(), c.hmacOut(), "Session started", l.user()));
            }
        }
        inv.println("%No SSHv1 server connections running.");
    }

    private static String row(String connection, String version, String mode, String encryption, String hmac,
                              String state, String user) {
        return pad(connection, 11) + pad(version, 8) + pad(mode, 5) + pad(encryption, 12) + pad(hmac, 13)
                + pad(state, 22) + user;
    }

    /** Left-aligned in {@code width} columns, and at least one space after a longer value (chacha20-poly1305). */
    private static String pad(String value, int width) {
        String v = value == null ? "" : value;
        return v.length() >= width ? v + " " : v + " ".repeat(width - v.length());
    }
}
