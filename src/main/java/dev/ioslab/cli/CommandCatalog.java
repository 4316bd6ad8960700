package dev.ioslab.cli;

import java.util.EnumMap;
import java.util.Map;

/**
 * Every registered command, as one {@link CommandTree} per mode. Filled once at start-up by the composition
 * root, then read-only and shared by all sessions of all devices.
 */
public final class CommandCatalog {

    private final Map<CliMode, CommandTree> trees = new EnumMap<>(CliMode.class);

    public CommandCatalog() {
        for (CliMode m : CliMode.values()) {
            trees.put(m, new CommandTree());
        }
    }

    /**
     * Registers a command under its spec's mode; each run of it is published to the device's events
     * ({@link PublishingCommand}).
     */
    public CommandCatalog register(Command command) {
        trees.get(command.spec().mode()).add(new PublishingCommand(command));
        return this;
    }

    /** Help text for a top-level keyword shared by several commands of a mode ({@code show}, {@code ip}). */
    public CommandCatalog describe(CliMode mode, String keyword, String help) {
        trees.get(mode).describe(keyword, help);
        return this;
    }

    public CommandTree tree(CliMode mode) {
        return trees.get(mode);
    }
}
