package dev.ioslab.cli;

/**
 * The command modes of the IOS shell and how each decorates the prompt. Exec mode shows {@code >} or {@code #}
 * by privilege; the configuration modes always show {@code #} after their parenthesised name.
 */
public enum CliMode {
    EXEC(""),
    CONFIG("(config)"),
    CONFIG_LINE("(config-line)"),
    CONFIG_IF("(config-if)");

    private final String promptDecoration;

    CliMode(String promptDecoration) {
        this.promptDecoration = promptDecoration;
    }

    /** True for the configuration modes, where {@code end}, Ctrl-Z and {@code do} apply. */
    public boolean isConfig() {
        return this != EXEC;
    }

    /**
     * The prompt for a hostname at a privilege level. IOS shows {@code #} from level 2 up; config-mode prompts
     * truncate the hostname (Netmiko trims its base prompt to 16 characters for the same reason).
     */
    public String prompt(String hostname, int privilege) {
        if (this == EXEC) {
            return hostname + (privilege > 1 ? "#" : ">");
        }
        String shown = hostname.length() > 20 ? hostname.substring(0, 20) : hostname;
        return shown + promptDecoration + "#";
    }
}
