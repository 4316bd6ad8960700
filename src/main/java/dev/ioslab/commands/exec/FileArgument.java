package dev.ioslab.commands.exec;

import dev.ioslab.cli.Invocation;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.FsPath;
import dev.ioslab.fs.IosFileSystem;
import dev.ioslab.fs.IosUrl;
import dev.ioslab.fs.IosUrlException;
import dev.ioslab.fs.IosUrlParser;
import dev.ioslab.fs.LocalUrl;
import dev.ioslab.fs.UrlError;
import java.util.Optional;

/**
 * Turns what the user typed for a file argument into a {@link LocalUrl} of the session's device, resolving bare
 * names against the session's current directory, and reports refusals in IOS's words: an unknown file-system
 * prefix puts the caret under the argument, a refused path (traversal, bad characters) prints
 * {@code %Error <verb> <path> (<reason>)}. Stateless.
 */
final class FileArgument {

    private FileArgument() {
    }

    /** The parsed argument {@code name} (local or remote), or empty after the refusal has been reported. */
    static Optional<IosUrl> parse(Invocation inv, String name, String verb) {
        return parseText(inv, inv.arg(name), name, verb);
    }

    /** Parses {@code text} as the value of argument {@code name}; see {@link #parse}. */
    static Optional<IosUrl> parseText(Invocation inv, String text, String name, String verb) {
        IosUrlParser parser = new IosUrlParser(inv.context().device().fileSystems());
        try {
            return Optional.of(parser.parse(text, inv.context().currentDirectory()));
        } catch (IosUrlException e) {
            if (e.error() == UrlError.UNKNOWN_FILE_SYSTEM || e.error() == UrlError.UNSUPPORTED_SCHEME) {
                inv.rejectArgument(name);
            } else if (e.getCause() instanceof FsException fs) {
                inv.println("%Error " + verb + " " + fs.path() + " (" + fs.error().reason() + ")");
            } else {
                inv.println("%Error parsing filename (" + e.reason() + ")");
            }
            return Optional.empty();
        }
    }

    /**
     * The argument as a path on one of the device's own file systems, or empty after reporting; remote URLs are not
     * file-system paths, so their prefix gets the caret.
     */
    static Optional<LocalUrl> local(Invocation inv, String name, String verb) {
        Optional<IosUrl> url = parse(inv, name, verb);
        if (url.isPresent() && !(url.get() instanceof LocalUrl)) {
            inv.rejectArgument(name);
            return Optional.empty();
        }
        return url.map(LocalUrl.class::cast);
    }

    /** The argument {@code name}, or the current directory (default file system's root) when it is absent. */
    static Optional<LocalUrl> localOrCurrent(Invocation inv, String name, String verb) {
        if (inv.arg(name) != null) {
            return local(inv, name, verb);
        }
        FsPath current = inv.context().currentDirectory();
        FsPath directory = current != null ? current : inv.context().device().fileSystems().defaultFileSystem().root();
        return Optional.of(new LocalUrl(directory.fileSystem().name(), directory));
    }

    /** The same place under the prefix the user typed. */
    static LocalUrl sameUrl(LocalUrl typed, FsPath path) {
        IosFileSystem fs = path.fileSystem();
        return fs == typed.fileSystem() ? new LocalUrl(typed.prefix(), path) : new LocalUrl(fs.name(), path);
    }

    /**
     * Prints {@code %Error <verb> <path> (<reason>)}, naming the path as the user typed it when the error concerns
     * {@code url}; when the host's storage failed, also logs one WARN line with device, path, user and cause.
     */
    static void report(Invocation inv, String verb, LocalUrl url, FsException e) {
        String path = e.path().equals(url.path().display()) ? url.display() : e.path();
        inv.println("%Error " + verb + " " + path + " (" + e.error().reason() + ")");
        StorageFailureLog.warnIfHost(inv, verb, path, e);
    }

    /**
     * Resolves the answer to a {@code Destination filename [x]?}-style question: empty keeps {@code fallback}, a
     * name with a prefix is parsed as a URL, a bare name lies in {@code directory}.
     */
    static Optional<LocalUrl> answer(Invocation inv, String typed, LocalUrl fallback, FsPath directory,
                                     String argName, String verb) {
        String text = typed.strip();
        if (text.isEmpty()) {
            return Optional.of(fallback);
        }
        if (text.indexOf(':') >= 0) {
            Optional<IosUrl> url = parseText(inv, text, argName, verb);
            if (url.isPresent() && !(url.get() instanceof LocalUrl)) {
                inv.println("%Error " + verb + " " + url.get().maskedDisplay() + " (Operation not supported)");
                return Optional.empty();
            }
            return url.map(LocalUrl.class::cast);
        }
        try {
            return Optional.of(sameUrl(fallback, directory.fileSystem().resolve(text, directory)));
        } catch (FsException e) {
            inv.println("%Error " + verb + " " + e.path() + " (" + e.error().reason() + ")");
            return Optional.empty();
        }
    }
}
