package dev.ioslab.cli;

import java.util.List;

/**
 * What {@code ?} prints for the text before the cursor: the matching keywords or arguments of the session's mode,
 * after {@code do} those of exec mode, and from a configuration sub-mode those of global configuration when the
 * sub-mode has none; else IOS's unrecognized, invalid-input or ambiguous message. Also the two error texts the
 * session prints for a line it cannot run, so that help and execution word them alike.
 *
 * <p>Threading: stateless apart from the immutable catalog; safe from any thread.
 */
final class ContextHelp {

    private final CommandCatalog catalog;

    ContextHelp(CommandCatalog catalog) {
        this.catalog = catalog;
    }

    /** The help text for {@code beforeCursor} typed in {@code mode} after {@code prompt}, each line ending CR LF. */
    String render(CliMode mode, int privilege, String prompt, String beforeCursor) {
        CliMode helpMode = mode;
        String text = beforeCursor;
        int offset = 0;
        List<Token> tokens = Token.split(beforeCursor);
        if (mode.isConfig() && !tokens.isEmpty() && tokens.get(0).text().equalsIgnoreCase("do")
                && (tokens.size() > 1 || beforeCursor.endsWith(" "))) {
            helpMode = CliMode.EXEC;
            offset = tokens.size() > 1 ? tokens.get(1).start() : beforeCursor.length();
            text = beforeCursor.substring(offset);
        }
        CommandTree.HelpResult result = catalog.tree(helpMode).help(text, privilege);
        if (!(result instanceof CommandTree.HelpResult.Lines) && helpMode != CliMode.CONFIG && helpMode.isConfig()) {
            CommandTree.HelpResult global = catalog.tree(CliMode.CONFIG).help(text, privilege);
            if (global instanceof CommandTree.HelpResult.Lines) {
                result = global;
            }
        }
        StringBuilder out = new StringBuilder();
        if (result instanceof CommandTree.HelpResult.Lines lines) {
            lines.lines().forEach(l -> out.append(l).append("\r\n"));
        } else if (result instanceof CommandTree.HelpResult.Unrecognized) {
            out.append("% Unrecognized command\r\n");
        } else if (result instanceof CommandTree.HelpResult.Error e) {
            if (e.error() instanceof ParseResult.Invalid inv) {
                out.append(invalidInput(prompt, offset + inv.column()));
            } else if (e.error() instanceof ParseResult.Ambiguous) {
                out.append(ambiguous(beforeCursor.strip()));
            }
        }
        return out.append("\r\n").toString();
    }

    /** IOS's caret under {@code column} of the typed line (the prompt counted in) and its message. */
    static String invalidInput(String prompt, int column) {
        return " ".repeat(prompt.length() + column) + "^\r\n% Invalid input detected at '^' marker.\r\n";
    }

    static String ambiguous(String typed) {
        return "% Ambiguous command: \"" + typed + "\"\r\n";
    }
}
