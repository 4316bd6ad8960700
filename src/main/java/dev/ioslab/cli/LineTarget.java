package dev.ioslab.cli;

import java.util.List;

/**
 * Where a typed line goes: the mode it runs in and its parse there. In a configuration mode {@code do} sends the rest
 * of the line to exec mode, and a command of an enclosing mode typed in a sub-mode leaves the sub-mode and runs there,
 * as on IOS. Immutable; {@link #resolve} reads only the catalog's trees.
 *
 * @param mode   the mode the line runs in
 * @param result its parse in that mode
 * @param offset where the parsed text starts in the typed line (after {@code do })
 */
record LineTarget(CliMode mode, ParseResult result, int offset) {

    /** The target of {@code lineText} typed in {@code mode} at {@code privilege}. */
    static LineTarget resolve(CommandCatalog catalog, CliMode mode, int privilege, String lineText) {
        if (mode.isConfig()) {
            List<Token> tokens = Token.split(lineText);
            if (!tokens.isEmpty() && tokens.get(0).text().equalsIgnoreCase("do")) {
                if (tokens.size() == 1) {
                    return new LineTarget(CliMode.EXEC, new ParseResult.Incomplete(), 0);
                }
                int offset = tokens.get(1).start();
                return new LineTarget(CliMode.EXEC, catalog.tree(CliMode.EXEC).parse(lineText.substring(offset),
                        privilege), offset);
            }
        }
        ParseResult here = catalog.tree(mode).parse(lineText, privilege);
        // IOS: a command of an enclosing mode typed in a sub-mode leaves the sub-mode and runs there.
        for (CliMode outer = mode.parent(); mode.isConfig() && !(here instanceof ParseResult.Matched)
                && outer.isConfig(); outer = outer.parent()) {
            ParseResult enclosing = catalog.tree(outer).parse(lineText, privilege);
            if (enclosing instanceof ParseResult.Matched) {
                return new LineTarget(outer, enclosing, 0);
            }
            if (outer == CliMode.CONFIG) {
                break;
            }
        }
        return new LineTarget(mode, here, 0);
    }
}
