package dev.ioslab.cli;

/**
 * The command modes of the IOS shell and how each decorates the prompt. Exec mode shows {@code >} or {@code #}
 * by privilege; the configuration modes always show {@code #} after their parenthesised name.
 */
public enum CliMode {
    EXEC(""),
    CONFIG("(config)"),
    CONFIG_LINE("(config-line)"),
    CONFIG_IF("(config-if)"),
    /** {@code ip ssh pubkey-chain}. */
    CONFIG_SSH_PUBKEY("(conf-ssh-pubkey)"),
    /** {@code username X} under the pubkey chain. */
    CONFIG_SSH_PUBKEY_USER("(conf-ssh-pubkey-user)"),
    /** {@code key-string}: lines of a base64 public key until {@code exit}. */
    CONFIG_SSH_PUBKEY_DATA("(conf-ssh-pubkey-data)");

    private final String promptDecoration;

    CliMode(String promptDecoration) {
        this.promptDecoration = promptDecoration;
    }

    /** The mode {@code exit} returns to. */
    public CliMode parent() {
        return switch (this) {
            case EXEC, CONFIG -> EXEC;
            case CONFIG_SSH_PUBKEY_USER -> CONFIG_SSH_PUBKEY;
            case CONFIG_SSH_PUBKEY_DATA -> CONFIG_SSH_PUBKEY_USER;
            default -> CONFIG;
        };
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
