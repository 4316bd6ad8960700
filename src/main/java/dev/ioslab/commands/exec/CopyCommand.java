package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.Command;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.DeviceShell;
import dev.ioslab.cli.Invocation;
import dev.ioslab.device.Device;
import dev.ioslab.device.FilePrompt;
import dev.ioslab.fs.AtomicWrite;
import dev.ioslab.fs.FileEntry;
import dev.ioslab.fs.FsError;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.FsPath;
import dev.ioslab.fs.IosFileSystem;
import dev.ioslab.fs.LocalUrl;
import dev.ioslab.image.VerificationPool;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code copy [/erase|/verify|/noverify] SRC DST} between the device's own file systems, {@code running-config}
 * ({@code system:running-config}) and {@code startup-config} ({@code nvram:startup-config}), reference §5.6, §5.8
 * and §5.10:
 * <ul>
 *   <li>{@code Destination filename [x]?} (Enter keeps the default; not asked with {@code file prompt quiet}),
 *       preceded by {@code Source filename [x]?} with {@code file prompt noisy};</li>
 *   <li>an existing destination: {@code %Warning:There is a file already existing with this name} and
 *       {@code Do you want to over write? [confirm]} (not asked when quiet);</li>
 *   <li>{@code Copy in progress...CCCC}, one {@code C} per {@value #CHUNK}-byte chunk as it is written, then
 *       {@code N bytes copied in S.SSS secs (R bytes/sec)};</li>
 *   <li>errors in IOS's words; the destination is written through {@link AtomicWrite}, so a failed, refused or
 *       abandoned copy (out of space, read error, session gone) leaves the file system exactly as before.</li>
 * </ul>
 * {@code copy running-config startup-config} keeps IOS's {@code Building configuration...} / {@code [OK]}; a copy
 * into {@code running-config} merges the file through the parser. Remote URLs ({@code tftp:}, {@code ftp:} ...)
 * are not handled here: their prefix gets the caret until a transfer service is wired in.
 *
 * <p>Threading: questions and metadata run on the session's thread; every chunk is read and written by one task
 * on the file-I/O executor, the next chunk being queued by the previous one, so a long copy never holds a thread
 * between chunks and notices a disconnect within one chunk. {@code /verify} hashes the result on the
 * {@link VerificationPool}.
 */
public final class CopyCommand implements Command {

    /** Bytes per chunk and per {@code C}. */
    static final int CHUNK = 1 << 20;
    /** A file merged into the running configuration must be a configuration, not an image. */
    private static final int MAX_CONFIG_BYTES = 4 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(CopyCommand.class);

    private final Executor fileIo;
    private final VerificationPool pool;

    public CopyCommand(Executor fileIo, VerificationPool pool) {
        this.fileIo = fileIo;
        this.pool = pool;
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

    /** One side of a copy: the running configuration or a file with the label IOS prints for it. */
    private sealed interface Endpoint permits Running, FileEndpoint {
    }

    private record Running() implements Endpoint {
    }

    private record FileEndpoint(LocalUrl url, String label) implements Endpoint {
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
        Device device = inv.context().device();
        boolean quiet = device.config().filePrompt() == FilePrompt.QUIET;
        if (source.get() instanceof Running && destination.get() instanceof FileEndpoint f && isStartupConfig(f)) {
            return saveRunningConfig(inv, device, quiet);
        }
        if (destination.get() instanceof Running) {
            if (source.get() instanceof FileEndpoint f) {
                return mergeIntoRunning(inv, device, f, quiet);
            }
            inv.println("%Error opening system:running-config (Invalid argument)");
            return done();
        }
        FileEndpoint to = (FileEndpoint) destination.get();
        if (device.config().filePrompt() == FilePrompt.NOISY && source.get() instanceof FileEndpoint from) {
            // file prompt noisy confirms every parameter, the source included (CFCR ch.5).
            return inv.ask("Source filename [" + from.url().path().relative() + "]? ").thenCompose(typed ->
                    FileArgument.answer(inv, typed, from.url(), from.url().fileSystem().root(), "source", "opening")
                            .map(u -> copyToFile(inv, device, u.equals(from.url()) ? from
                                    : new FileEndpoint(u, u.display()), to, false))
                            .orElseGet(CopyCommand::done));
        }
        return copyToFile(inv, device, source.get(), to, quiet);
    }

    private Optional<Endpoint> endpoint(Invocation inv, String argName, String keyword) {
        IosFileSystem nvram = inv.context().device().fileSystems().find("nvram").orElseThrow();
        if ("running-config".equals(keyword)) {
            return Optional.of(new Running());
        }
        if ("startup-config".equals(keyword)) {
            try {
                return Optional.of(new FileEndpoint(new LocalUrl("nvram", nvram.resolve("startup-config")),
                        "nvram:startup-config"));
            } catch (FsException e) {
                throw new IllegalStateException("nvram cannot name startup-config", e);
            }
        }
        Optional<LocalUrl> url = FileArgument.local(inv, argName, "opening");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        LocalUrl u = url.get();
        if (u.fileSystem().name().equals("system") && u.path().relative().equals("running-config")) {
            return Optional.of(new Running());
        }
        return Optional.of(new FileEndpoint(u, u.display()));
    }

    private static boolean isStartupConfig(FileEndpoint f) {
        return f.url().fileSystem().name().equals("nvram") && f.url().path().relative().equals("startup-config");
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
                inv.println(e == null ? "[OK]" : "%Error: startup-config file open failed (I/O error)");
                return null;
            });
        });
    }

    /** {@code copy startup-config running-config} and {@code copy flash0:x running-config}: a merge, not a replace. */
    private CompletableFuture<Void> mergeIntoRunning(Invocation inv, Device device, FileEndpoint source,
                                                     boolean quiet) {
        CompletableFuture<String> answer = quiet ? CompletableFuture.completedFuture("")
                : inv.ask("Destination filename [running-config]? ");
        return answer.thenCompose(typed -> {
            FileChannel channel;
            try {
                channel = source.url().fileSystem().openChannel(source.url().path());
            } catch (FsException e) {
                inv.println("%Error opening " + source.label() + " (" + e.error().reason() + ")");
                return done();
            }
            long started = System.nanoTime();
            return CompletableFuture.supplyAsync(() -> readConfig(channel), fileIo).handle((text, error) -> {
                if (error != null) {
                    Throwable cause = error instanceof CompletionException c ? c.getCause() : error;
                    String reason = cause instanceof FsException fs ? fs.error().reason() : "I/O error";
                    inv.println("%Error reading " + source.label() + " (" + reason + ")");
                    return null;
                }
                String problems = new DeviceShell(device, inv.context().catalog()).replayConfig(text);
                if (!problems.isEmpty()) {
                    problems.lines().forEach(inv::println);
                }
                inv.println("");
                inv.println(copiedLine(text.length(), started));
                return null;
            });
        });
    }

    private static String readConfig(FileChannel channel) {
        try (channel) {
            if (channel.size() > MAX_CONFIG_BYTES) {
                throw new CompletionException(new FsException(FsError.NOT_SUPPORTED, "running-config"));
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
            int n = 0;
            while (buffer.hasRemaining() && n >= 0) {
                n = channel.read(buffer);
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    /** File or running-config to a file: question, overwrite warning, chunked atomic write. */
    private CompletableFuture<Void> copyToFile(Invocation inv, Device device, Endpoint source,
                                               FileEndpoint destination, boolean quiet) {
        LocalUrl dest = destination.url();
        String sourceName = source instanceof FileEndpoint f ? f.url().baseName() : "running-config";
        FsPath directory;
        LocalUrl fallback;
        try {
            boolean isDirectory = dest.path().isRoot() || dest.fileSystem().exists(dest.path())
                    && dest.fileSystem().stat(dest.path()).directory();
            directory = isDirectory ? dest.path() : dest.path().parent();
            fallback = isDirectory && !sourceName.isEmpty()
                    ? FileArgument.sameUrl(dest, dest.path().child(sourceName)) : dest;
        } catch (FsException e) {
            FileArgument.report(inv, "opening", dest, e);
            return done();
        }
        CompletableFuture<String> answer = quiet ? CompletableFuture.completedFuture("")
                : inv.ask("Destination filename [" + fallback.path().name() + "]? ");
        return answer.thenCompose(typed -> {
            Optional<LocalUrl> target = FileArgument.answer(inv, typed, fallback, directory, "destination",
                    "opening");
            if (target.isEmpty()) {
                return done();
            }
            Optional<ChunkSource> opened = open(inv, device, source);
            if (opened.isEmpty()) {
                return done();
            }
            ChunkSource chunks = opened.get();
            LocalUrl to = target.get();
            CompletableFuture<Boolean> go;
            boolean erase = inv.has("/erase");
            try {
                if (erase) {
                    if (source instanceof FileEndpoint f && f.url().fileSystem() == to.fileSystem()) {
                        chunks.close();
                        inv.println("%Error copying " + label(source) + " (" + FsError.DEVICE_BUSY.reason() + ")");
                        return done();
                    }
                    go = quiet ? CompletableFuture.completedFuture(true)
                            : inv.confirm("Erase " + to.fileSystem().spec().prefix() + " before copying? [confirm]");
                } else if (to.fileSystem().exists(to.path())) {
                    if (to.fileSystem().stat(to.path()).directory()) {
                        throw new FsException(FsError.IS_A_DIRECTORY, to.path().display());
                    }
                    if (quiet) {
                        go = CompletableFuture.completedFuture(true);
                    } else {
                        inv.println("%Warning:There is a file already existing with this name");
                        go = inv.confirm("Do you want to over write? [confirm]");
                    }
                } else {
                    go = CompletableFuture.completedFuture(true);
                }
            } catch (FsException e) {
                chunks.close();
                FileArgument.report(inv, "opening", to, e);
                return done();
            }
            return go.handle((yes, error) -> {
                if (error != null || !yes) {
                    chunks.close();
                }
                if (error != null) {
                    throw error instanceof CompletionException c ? c : new CompletionException(error);
                }
                return yes;
            }).thenCompose(yes -> {
                if (!yes) {
                    return done();
                }
                inv.startLine();
                return transfer(inv, source, chunks, to, erase);
            });
        });
    }

    private Optional<ChunkSource> open(Invocation inv, Device device, Endpoint source) {
        if (source instanceof FileEndpoint f) {
            try {
                return Optional.of(new FileSource(f.url().fileSystem().openChannel(f.url().path())));
            } catch (FsException e) {
                inv.println("%Error opening " + f.label() + " (" + e.error().reason() + ")");
                return Optional.empty();
            }
        }
        return Optional.of(new BytesSource(device.startupConfigText().getBytes(StandardCharsets.ISO_8859_1)));
    }

    private CompletableFuture<Void> transfer(Invocation inv, Endpoint source, ChunkSource chunks, LocalUrl to,
                                             boolean erase) {
        // Erasing and reserving walk the file system's folder: file-I/O work, not session work.
        return CompletableFuture.supplyAsync(() -> {
            try {
                if (erase) {
                    to.fileSystem().format();
                }
                return to.fileSystem().beginWrite(to.path(), chunks.size());
            } catch (FsException | IOException e) {
                throw new CompletionException(e);
            }
        }, fileIo).handle((write, error) -> {
            if (error != null) {
                chunks.close();
                reportFailure(inv, source, to, error instanceof CompletionException c ? c.getCause() : error);
                return null;
            }
            return write;
        }).thenCompose(write -> write == null ? done() : copyChunks(inv, source, chunks, to, write));
    }

    private CompletableFuture<Void> copyChunks(Invocation inv, Endpoint source, ChunkSource chunks, LocalUrl to,
                                               AtomicWrite write) {
        long started = System.nanoTime();
        inv.stream("Copy in progress...");
        Transfer t = new Transfer(inv, chunks, write, inv.has("/verify"));
        t.next();
        return t.done.handle((entry, error) -> {
            Throwable cause = error instanceof CompletionException c && c.getCause() != null ? c.getCause() : error;
            if (cause instanceof CancellationException) {
                LOG.debug("Copy to {} abandoned: session closed", to.path());
                throw new CompletionException(cause);
            }
            inv.startLine();
            if (cause != null) {
                reportFailure(inv, source, to, cause);
                return null;
            }
            inv.println(copiedLine(entry.size(), started));
            return t.digest;
        }).thenCompose(digest -> digest == null ? done() : verify(inv, to, digest));
    }

    /** {@code copy /verify}: hashes the written file on the pool and compares it with what was read. */
    private CompletableFuture<Void> verify(Invocation inv, LocalUrl to, byte[] expected) {
        FileChannel channel;
        try {
            channel = to.fileSystem().openChannel(to.path());
        } catch (FsException e) {
            FileArgument.report(inv, "verifying", to, e);
            return done();
        }
        inv.stream("Verifying file integrity of " + to.display());
        FileHasher hasher = new FileHasher("MD5", new DotProgress(inv));
        return pool.submit(inv.context().device().name(), () -> hasher.hash(channel, inv::isCancelled))
                .handle((digest, error) -> {
                    if (error == null && Arrays.equals(digest, expected)) {
                        inv.println("Done!");
                        return null;
                    }
                    inv.startLine();
                    inv.println("%Error verifying " + to.display());
                    try {
                        to.fileSystem().delete(to.path());
                    } catch (FsException e) {
                        FileArgument.report(inv, "deleting", to, e);
                    }
                    return null;
                });
    }

    private static void reportFailure(Invocation inv, Endpoint source, LocalUrl to, Throwable cause) {
        if (cause instanceof FsException fs && fs.error() == FsError.NOT_ENOUGH_SPACE) {
            inv.println("%Error copying " + label(source) + " (" + fs.error().reason() + ")");
        } else if (cause instanceof FsException fs) {
            inv.println("%Error writing " + (fs.path().equals(to.path().display()) ? to.display() : fs.path())
                    + " (" + fs.error().reason() + ")");
        } else if (cause instanceof IOException) {
            inv.println("%Error reading " + label(source) + " (" + FsError.IO_ERROR.reason() + ")");
        } else {
            throw new CompletionException(cause);
        }
    }

    private static String label(Endpoint e) {
        return e instanceof FileEndpoint f ? f.label() : "system:running-config";
    }

    static String copiedLine(long bytes, long startedNanos) {
        double secs = (System.nanoTime() - startedNanos) / 1e9;
        return String.format(Locale.ROOT, "%d bytes copied in %.3f secs (%d bytes/sec)", bytes, secs,
                (long) (bytes / Math.max(secs, 0.001)));
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }

    /** Where the bytes of a copy come from. */
    private interface ChunkSource {
        long size() throws IOException;

        /** Reads into {@code buffer} from {@code position}; -1 at the end. */
        int read(ByteBuffer buffer, long position) throws IOException;

        void close();
    }

    private record FileSource(FileChannel channel) implements ChunkSource {
        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public int read(ByteBuffer buffer, long position) throws IOException {
            return channel.read(buffer, position);
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("Closing copy source failed: {}", e.toString());
            }
        }
    }

    private record BytesSource(byte[] bytes) implements ChunkSource {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public int read(ByteBuffer buffer, long position) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = (int) Math.min(buffer.remaining(), bytes.length - position);
            buffer.put(bytes, (int) position, n);
            return n;
        }

        @Override
        public void close() {
            // Nothing to release.
        }
    }

    /** One copy in flight: each chunk is a task on the file-I/O executor that queues the next. */
    private final class Transfer {
        private final Invocation inv;
        private final ChunkSource source;
        private final AtomicWrite write;
        private final MessageDigest md5;
        private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        private final CompletableFuture<FileEntry> done = new CompletableFuture<>();
        private long position;
        private byte[] digest;

        Transfer(Invocation inv, ChunkSource source, AtomicWrite write, boolean verify) {
            this.inv = inv;
            this.source = source;
            this.write = write;
            this.md5 = verify ? md5() : null;
        }

        void next() {
            try {
                fileIo.execute(this::chunk);
            } catch (RejectedExecutionException e) {
                fail(e);
            }
        }

        private void chunk() {
            try {
                if (inv.isCancelled()) {
                    throw new CancellationException("session closed");
                }
                buffer.clear();
                int n = source.read(buffer, position);
                if (n < 0) {
                    FileEntry entry = write.commit();
                    source.close();
                    digest = md5 == null ? null : md5.digest();
                    done.complete(entry);
                    return;
                }
                buffer.flip();
                if (md5 != null) {
                    md5.update(buffer.duplicate());
                }
                write.write(buffer);
                position += n;
                inv.stream("C");
            } catch (Exception e) {
                fail(e);
                return;
            }
            next();
        }

        private void fail(Exception e) {
            write.abort();
            source.close();
            done.completeExceptionally(e);
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JVM", e);
        }
    }
}
