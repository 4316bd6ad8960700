package dev.ioslab.cli;

import dev.ioslab.device.DeviceEvent;
import dev.ioslab.device.DeviceEvents;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * A registered command that tells the device's {@link DeviceEvents} what was run: a {@code command} event when the
 * line starts, and a {@code config-change} event when a configuration-mode line finishes accepted (completed, no
 * argument rejected, no {@code %} complaint printed). {@code end} and {@code exit} change nothing and are not
 * configuration changes. Lines replayed from a startup configuration are not published. Recorded lines go through
 * {@link CommandLineMask}.
 *
 * <p>Threading: runs on the session's thread like the command it wraps; publishing only appends.
 */
final class PublishingCommand implements Command {

    /** The session transport of startup-config and {@code copy x running-config} replays. */
    static final String REPLAY = "replay";

    private final Command command;
    /** Built once: the parser asks for it on every line, and building it anew costs more than the command. */
    private final CommandSpec spec;

    PublishingCommand(Command command) {
        this.command = command;
        this.spec = command.spec();
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<Void> execute(Invocation invocation) {
        CliContext context = invocation.context();
        if (REPLAY.equals(context.info().transport())) {
            return command.execute(invocation);
        }
        DeviceEvents events = context.device().events();
        String line = CommandLineMask.mask(invocation.line());
        String user = context.info().user();
        events.publish(new DeviceEvent.CommandEntered(line, modeName(context.mode()), context.privilege(), user,
                context.vty()));
        if (!spec.mode().isConfig() || changesNothing(invocation.keywords())) {
            return command.execute(invocation);
        }
        WatchedInvocation watched = new WatchedInvocation(invocation);
        return command.execute(watched).whenComplete((done, error) -> {
            if (error == null && !watched.complained()) {
                events.publish(new DeviceEvent.ConfigChange(line, user, false));
            }
        });
    }

    private static boolean changesNothing(List<String> keywords) {
        return !keywords.isEmpty() && (keywords.get(0).equals("end") || keywords.get(0).equals("exit"));
    }

    /**
     * Publishes a line the parser refused ({@code % Invalid input}, {@code % Incomplete command}, {@code % Ambiguous
     * command}) as a {@code command-rejected} event; replayed configuration lines are not published. The line is
     * recorded up to the word the parser refused, then {@code ...}: what follows a mistyped keyword may be the
     * password it should have masked ({@code username bob secrt ...}).
     */
    static void rejected(CliContext context, String typed, LineTarget target) {
        ParseResult result = target.result();
        int column;
        String error;
        if (result instanceof ParseResult.Invalid invalid) {
            column = target.offset() + invalid.column();
            error = "invalid";
        } else if (result instanceof ParseResult.Ambiguous ambiguous) {
            column = target.offset() + ambiguous.column();
            error = "ambiguous";
        } else if (result instanceof ParseResult.Incomplete) {
            column = typed.length();
            error = "incomplete";
        } else {
            return;
        }
        if (REPLAY.equals(context.info().transport())) {
            return;
        }
        List<Token> words = Token.split(typed);
        int end = words.stream().mapToInt(Token::end).filter(e -> e > column).findFirst().orElse(typed.length());
        String kept = typed.substring(0, end) + (end < words.get(words.size() - 1).end() ? " ..." : "");
        context.device().events().publish(new DeviceEvent.CommandRejected(CommandLineMask.mask(kept),
                modeName(context.mode()), context.privilege(), context.info().user(), context.vty(), error));
    }

    /** {@code exec}, {@code config}, {@code config-if}: the prompt's decoration without parentheses. */
    static String modeName(CliMode mode) {
        if (mode == CliMode.EXEC) {
            return "exec";
        }
        String decoration = mode.prompt("", 15);
        int open = decoration.indexOf('(');
        int close = decoration.indexOf(')', open + 1);
        return open >= 0 && close > open ? decoration.substring(open + 1, close)
                : mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return command.toString();
    }
}
