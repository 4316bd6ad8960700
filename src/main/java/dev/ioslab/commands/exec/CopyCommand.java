package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.Command;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.device.Device;
import dev.ioslab.device.FilePrompt;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.IosFileSystem;
import dev.ioslab.fs.IosUrl;
import dev.ioslab.fs.LocalUrl;
import dev.ioslab.fs.RemoteUrl;
import dev.ioslab.image.VerificationPool;
import dev.ioslab.transfer.TransferService;
import dev.ioslab.transfer.TransferSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code copy [/erase|/verify|/noverify] SRC DST}: asks IOS's questions and hands the bytes to the copy pipeline.
 * A source (a flash file, {@code running-config}, {@code startup-config}, an FTP or TFTP URL) flows into a
 * destination (a flash file through an atomic write, the running configuration's merge, or an upload), each
 * piece in a class of its own: {@link LocalCopy}, {@link RemoteCopy}, {@link ConfigMerge}, with the destination
 * question in {@link CopyDestination} and the remote ones in {@link RemoteQuestions} (reference §5).
 * {@code copy running-config startup-config} keeps IOS's {@code Building configuration...} / {@code [OK]}.
 * {@code file prompt quiet} asks nothing that is known; {@code noisy} confirms every parameter.
 *
 * <p>Threading: questions run on the session's thread; the bytes move on the file-I/O executor or a transfer
 * client's event loop, never holding a thread while they flow.
 */
public final class CopyCommand implements Command {

    private final Executor fileIo;
    private final LocalCopy localCopy;
    private final RemoteCopy remoteCopy;
    private final ConfigMerge merge;

    public CopyCommand(Executor fileIo, VerificationPool pool, TransferService transfers, TransferSettings settings) {
        this.fileIo = fileIo;
        FlashWriter flash = new FlashWriter(fileIo, pool);
        this.localCopy = new LocalCopy(flash);
        this.remoteCopy = new RemoteCopy(transfers, new TransferPlanner(fileIo, settings), flash);
        this.merge = new ConfigMerge(fileIo);
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC)
                .syntax("copy [/erase|/verify|/noverify] (running-config|startup-config|URL:source) "
                        + "(running-config|startup-config|URL:destination)")
                .help("copy", "Copy from one file to another")
                .help("/erase", "Erase destination file system.")
                .help("/verify", "Verify image signature before reload.")
                .help("/noverify", "Don't verify image signature before reload.")
                .help("running-config", "Copy from current system configuration")
                .help("startup-config", "Copy from startup configuration")
                .help("source", "Source file name or URL")
                .help("destination", "Destination file name or URL")
                .build();
    }

    /** One side of a copy. */
    private sealed interface Endpoint permits Running, LocalFile, Remote {
    }

    private record Running() implements Endpoint {
    }

    /** A file of the device's own, with the name IOS prints for it. */
    private record LocalFile(LocalUrl url, String label) implements Endpoint {
        boolean isStartupConfig() {
            return url.fileSystem().name().equals("nvram") && url.path().relative().equals("startup-config");
        }
    }

    private record Remote(RemoteUrl url) implements Endpoint {
    }

    @Override
    public CompletableFuture<Void> execute(Invocation inv) {
        List<String> keywords = inv.keywords();
        int first = keywords.size() > 1 && keywords.get(1).startsWith("/") ? 2 : 1;
        Optional<Endpoint> source = endpoint(inv, "source", inv.arg("source") == null ? keywords.get(first) : null);
        if (source.isEmpty()) {
            return done();
        }
        String destinationKeyword = inv.arg("destination") == null ? keywords.get(keywords.size() - 1) : null;
        Optional<Endpoint> destination = endpoint(inv, "destination", destinationKeyword);
        if (destination.isEmpty()) {
            return done();
        }
        FilePrompt prompt = inv.context().device().config().files().prompt();
        if (source.get() instanceof LocalFile file && (prompt == FilePrompt.NOISY || file.url().path().isRoot())) {
            // A bare file system names no file: IOS asks for it; file prompt noisy confirms any source (CFCR ch.5).
            return inv.ask("Source filename [" + file.url().path().relative() + "]? ").thenCompose(typed ->
                    FileArgument.answer(inv, typed, file.url(), file.url().fileSystem().root(), "source", "opening")
                            .map(u -> copy(inv, u.equals(file.url()) ? file : new LocalFile(u, u.display()),
                                    destination.get(), prompt))
                            .orElseGet(CopyCommand::done));
        }
        return copy(inv, source.get(), destination.get(), prompt);
    }

    /** The copy once its source is known: the destination's questions, then the bytes. */
    private CompletableFuture<Void> copy(Invocation inv, Endpoint from, Endpoint to, FilePrompt prompt) {
        Device device = inv.context().device();
        boolean quiet = prompt == FilePrompt.QUIET;
        if (from instanceof Running && to instanceof LocalFile f && f.isStartupConfig()) {
            return saveRunningConfig(inv, device, quiet);
        }
        if (to instanceof Running) {
            return intoRunning(inv, from, quiet, prompt == FilePrompt.NOISY);
        }
        if (to instanceof Remote r) {
            if (from instanceof Remote) {
                inv.println("%Error opening " + r.url().maskedDisplay() + " (Operation not supported)");
                return done();
            }
            return upload(inv, from, r.url(), quiet);
        }
        LocalFile target = (LocalFile) to;
        if (from instanceof Remote r) {
            return RemoteQuestions.complete(inv, r.url(), "Source filename", "", prompt == FilePrompt.NOISY)
                    .thenCompose(url -> url.map(u -> CopyDestination.ask(inv, target.url(), u.baseName(), quiet,
                            inv.has("/erase"), null, u.maskedDisplay()).thenCompose(dest -> dest
                            .map(d -> remoteCopy.download(inv, u, d, inv.has("/erase"), verify(inv)))
                            .orElseGet(CopyCommand::done))).orElseGet(CopyCommand::done));
        }
        return copyToFile(inv, from, target, quiet);
    }

    private Optional<Endpoint> endpoint(Invocation inv, String argName, String keyword) {
        IosFileSystem nvram = inv.context().device().fileSystems().find("nvram").orElseThrow();
        if ("running-config".equals(keyword)) {
            return Optional.of(new Running());
        }
        if ("startup-config".equals(keyword)) {
            try {
                return Optional.of(new LocalFile(new LocalUrl("nvram", nvram.resolve("startup-config")),
                        "nvram:startup-config"));
            } catch (FsException e) {
                throw new IllegalStateException("nvram cannot name startup-config", e);
            }
        }
        Optional<IosUrl> url = FileArgument.parse(inv, argName, "opening");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        if (url.get() instanceof RemoteUrl remote) {
            if (!remoteCopy.supports(remote.scheme())) {
                inv.rejectArgument(argName);
                return Optional.empty();
            }
            return Optional.of(new Remote(remote));
        }
        LocalUrl u = (LocalUrl) url.get();
        if (u.fileSystem().name().equals("system") && u.path().relative().equals("running-config")) {
            return Optional.of(new Running());
        }
        return Optional.of(new LocalFile(u, u.display()));
    }

    /** {@code copy running-config startup-config}, exactly as {@code write memory} plus the question (§5.10). */
    private CompletableFuture<Void> saveRunningConfig(Invocation inv, Device device, boolean quiet) {
        CompletableFuture<String> answer = quiet ? CompletableFuture.completedFuture("")
                : inv.ask("Destination filename [startup-config]? ");
        return answer.thenCompose(typed -> {
            String name = typed.strip().isEmpty() ? "startup-config" : typed.strip();
            if (!name.equals("startup-config")) {
                inv.println("%Error opening nvram:" + name + " (Permission denied)");
                return done();
            }
            inv.stream("Building configuration...\r\n");
            return WriteMemoryCommand.save(device, fileIo).handle((v, e) -> {
                inv.println(WriteMemoryCommand.outcome(inv, e));
                return null;
            });
        });
    }

    /** A merge into the running configuration, from a local file or a server. */
    private CompletableFuture<Void> intoRunning(Invocation inv, Endpoint from, boolean quiet, boolean noisy) {
        if (from instanceof Running) {
            inv.println("%Error opening system:running-config (Invalid argument)");
            return done();
        }
        if (from instanceof Remote r) {
            return RemoteQuestions.complete(inv, r.url(), "Source filename", "", noisy).thenCompose(url -> url
                    .map(u -> askName(inv, "running-config", quiet)
                            .thenCompose(ok -> remoteCopy.downloadIntoRunning(inv, u)))
                    .orElseGet(CopyCommand::done));
        }
        LocalFile file = (LocalFile) from;
        return askName(inv, "running-config", quiet).thenCompose(typed -> merge.fromFile(inv, file.url(),
                file.label()));
    }

    /** {@code Destination filename [x]?} where the answer cannot change the destination. */
    private static CompletableFuture<String> askName(Invocation inv, String name, boolean quiet) {
        return quiet ? CompletableFuture.completedFuture("") : inv.ask("Destination filename [" + name + "]? ");
    }

    /** A flash file or a configuration to a server: IOS asks for the host and the remote name (§5.4). */
    private CompletableFuture<Void> upload(Invocation inv, Endpoint from, RemoteUrl url, boolean quiet) {
        String defaultName = from instanceof LocalFile f && !f.isStartupConfig() ? f.url().baseName()
                : inv.context().device().config().hostname().toLowerCase(Locale.ROOT) + "-confg";
        return RemoteQuestions.complete(inv, url, "Destination filename", defaultName, !quiet).thenCompose(u -> {
            if (u.isEmpty()) {
                return done();
            }
            Optional<LocalSource> source = open(inv, from);
            return source.map(s -> remoteCopy.upload(inv, s, u.get())).orElseGet(CopyCommand::done);
        });
    }

    /** A local file or the running configuration to a flash file. */
    private CompletableFuture<Void> copyToFile(Invocation inv, Endpoint source, LocalFile destination,
                                               boolean quiet) {
        String sourceName = source instanceof LocalFile f ? f.url().baseName() : "running-config";
        IosFileSystem sourceFs = source instanceof LocalFile f ? f.url().fileSystem() : null;
        String label = source instanceof LocalFile f ? f.label() : "system:running-config";
        boolean erase = inv.has("/erase");
        return CopyDestination.ask(inv, destination.url(), sourceName, quiet, erase, sourceFs, label)
                .thenCompose(target -> {
                    if (target.isEmpty()) {
                        return done();
                    }
                    return open(inv, source).map(s -> localCopy.run(inv, s, label, target.get(), erase,
                            verify(inv))).orElseGet(CopyCommand::done);
                });
    }

    /** {@code /verify}, or {@code file verify auto} unless {@code /noverify} says otherwise. */
    private static boolean verify(Invocation inv) {
        return inv.has("/verify") || !inv.has("/noverify") && inv.context().device().config().files().verifyAuto();
    }

    /** The bytes of a local endpoint, or empty once {@code %Error opening …} has been printed. */
    private static Optional<LocalSource> open(Invocation inv, Endpoint source) {
        if (source instanceof LocalFile f) {
            try {
                return Optional.of(LocalSource.of(f.url().fileSystem().openChannel(f.url().path())));
            } catch (FsException e) {
                inv.println("%Error opening " + f.label() + " (" + e.error().reason() + ")");
                return Optional.empty();
            } catch (IOException e) {
                inv.println("%Error opening " + f.label() + " (I/O error)");
                return Optional.empty();
            }
        }
        byte[] text = inv.context().device().startupConfigText().getBytes(StandardCharsets.ISO_8859_1);
        return Optional.of(LocalSource.of(text));
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }
}
