package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.cli.SimpleCommand;
import dev.ioslab.device.FilePrompt;

/** {@code file prompt [alert|noisy|quiet]} and {@code no file prompt ...} (back to alert), reference §5.6. */
public final class FilePromptCommand implements SimpleCommand {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("[no] file prompt [alert|noisy|quiet]")
                .help("file", "Adjust file system parameters")
                .help("prompt", "Prompt level for file operations")
                .help("alert", "Prompt only for destructive file operations")
                .help("noisy", "Confirm all file operation parameters")
                .help("quiet", "Seldom prompt for file operations")
                .build();
    }

    @Override
    public void run(Invocation inv) {
        FilePrompt level = inv.has("quiet") ? FilePrompt.QUIET : inv.has("noisy") ? FilePrompt.NOISY : FilePrompt.ALERT;
        inv.context().device().config().files().setPrompt(inv.isNo() ? FilePrompt.ALERT : level);
    }
}
