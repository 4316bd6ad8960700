package dev.ioslab.commands.exec;

import dev.ioslab.cli.Invocation;
import dev.ioslab.device.FilePrompt;
import dev.ioslab.fs.IosUrlException;
import dev.ioslab.fs.RemoteUrl;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The questions IOS asks about the remote side of a copy (reference §5.1, §5.4): {@code Address or name of remote
 * host [h]?} and {@code Source filename [p]?} or {@code Destination filename [p]?}, Enter keeping the value in
 * brackets. A question is skipped when {@code skip} says so for it (a complete download URL, {@code file prompt
 * quiet} with the value present); a missing value is always asked, and a URL without a path gets the host question
 * as well unless {@code file prompt quiet}. Completes with the completed URL, or empty once
 * IOS's {@code %Error parsing filename (…)} has been printed.
 */
final class RemoteQuestions {

    private RemoteQuestions() {
    }

    /**
     * @param pathQuestion     {@code Source filename} or {@code Destination filename}
     * @param defaultPath      the default in brackets when the URL has no path
     * @param askPresentValues whether to ask even for values the URL already has
     */
    static CompletableFuture<Optional<RemoteUrl>> complete(Invocation inv, RemoteUrl url, String pathQuestion,
                                                            String defaultPath, boolean askPresentValues) {
        // An incomplete URL gets every remote question, the host's too (§5.3), unless file prompt quiet.
        boolean incomplete = url.path().isEmpty()
                && inv.context().device().config().files().prompt() != FilePrompt.QUIET;
        CompletableFuture<String> host = url.host().isPresent() && !askPresentValues && !incomplete
                ? CompletableFuture.completedFuture("")
                : inv.ask("Address or name of remote host [" + url.host().orElse("") + "]? ");
        return host.thenCompose(typedHost -> {
            RemoteUrl withHost;
            try {
                withHost = typedHost.isBlank() ? url.requireHost() : url.withHost(typedHost.strip());
            } catch (IosUrlException e) {
                return refused(inv, e);
            }
            String pathDefault = url.path().isEmpty() ? defaultPath : url.path();
            CompletableFuture<String> path = !url.path().isEmpty() && !askPresentValues
                    ? CompletableFuture.completedFuture("")
                    : inv.ask(pathQuestion + " [" + pathDefault + "]? ");
            return path.thenCompose(typedPath -> {
                try {
                    String chosen = typedPath.isBlank() ? pathDefault : typedPath.strip();
                    return CompletableFuture.completedFuture(Optional.of(withHost.withPath(chosen)
                            .requireComplete()));
                } catch (IosUrlException e) {
                    return refused(inv, e);
                }
            });
        });
    }

    private static CompletableFuture<Optional<RemoteUrl>> refused(Invocation inv, IosUrlException e) {
        inv.println("%Error parsing filename (" + e.reason() + ")");
        return CompletableFuture.completedFuture(Optional.empty());
    }
}
