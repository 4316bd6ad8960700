package dev.ioslab.commands.config;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.Command;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import java.util.concurrent.CompletableFuture;

/**
 * {@code banner motd <d>text<d>}: the first character is the delimiter ({@code ^C} as written in configurations
 * counts as one). When the closing delimiter is not on the same line IOS reads further lines until it appears.
 */
public final class BannerMotdCommand implements Command {

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.CONFIG)
                .syntax("banner motd LINE:text")
                .syntax("no banner motd")
                .help("banner", "Define a login banner")
                .help("motd", "Set Message of the Day banner")
                .help("text", "c banner-text c, where 'c' is a delimiting character")
                .build();
    }

    @Override
    public CompletableFuture<Void> execute(Invocation inv) {
        if (inv.isNo()) {
            inv.context().device().config().setBannerMotd(null);
            return CompletableFuture.completedFuture(null);
        }
        String text = inv.arg("text");
        String delimiter = text.startsWith("^C") ? "^C" : text.substring(0, 1);
        String rest = text.substring(delimiter.length());
        int end = rest.indexOf(delimiter);
        if (end >= 0) {
            inv.context().device().config().setBannerMotd(rest.substring(0, end));
            return CompletableFuture.completedFuture(null);
        }
        inv.println("Enter TEXT message.  End with the character '" + delimiter.charAt(0) + "'.");
        StringBuilder body = new StringBuilder(rest.isEmpty() ? "" : rest + "\n");
        return readUntil(inv, delimiter, body);
    }

    private CompletableFuture<Void> readUntil(Invocation inv, String delimiter, StringBuilder body) {
        return inv.ask("").thenCompose(line -> {
            int end = line.indexOf(delimiter);
            if (end >= 0) {
                body.append(line, 0, end);
                String banner = body.toString();
                inv.context().device().config().setBannerMotd(banner.startsWith("\n") ? banner : "\n" + banner);
                return CompletableFuture.completedFuture(null);
            }
            if (body.length() > 4096) {
                inv.println("% Banner too long");
                return CompletableFuture.completedFuture(null);
            }
            body.append(line).append('\n');
            return readUntil(inv, delimiter, body);
        });
    }
}
