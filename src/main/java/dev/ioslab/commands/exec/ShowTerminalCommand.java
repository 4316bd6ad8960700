package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliContext;
import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;

/** {@code show terminal}: this session's line, size, history and monitor settings. */
public final class ShowTerminalCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC).privilege(1).pipeable()
                .syntax("show terminal")
                .help("terminal", "Display terminal configuration parameters")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        CliContext c = inv.context();
        String location = c.info().remote() == null ? "" : c.info().remote().getAddress().getHostAddress();
        String type = c.info().terminalType() == null || c.info().terminalType().isEmpty() ? "vt100"
                : c.info().terminalType();
        inv.println("Line " + (2 + c.vty()) + ", Location: \"" + location + "\", Type: \"" + type + "\"");
        inv.println("Length: " + c.terminalLength() + " lines, Width: " + c.terminalWidth() + " columns");
        inv.println("Baud rate (TX/RX) is 9600/9600");
        inv.println("Status: PSI Enabled, Ready, Active, No Exit Banner");
        inv.println("Capabilities: none");
        inv.println("Modem state: Ready");
        inv.println("Modem hardware state: CTS* noDSR  DTR RTS");
        inv.println("Editing is enabled.");
        int size = c.history().size();
        inv.println(size > 0 ? "History is enabled, history size is " + size + "." : "History is disabled.");
        inv.println("Transport protocol in use: " + (c.info().transport().equals("telnet") ? "telnet" : "ssh"));
        inv.println("Monitor is " + (c.terminalMonitor() ? "on" : "off") + ".");
    }
}
