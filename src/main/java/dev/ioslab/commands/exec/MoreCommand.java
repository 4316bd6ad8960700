package dev.ioslab.commands.exec;

import dev.ioslab.cli.CliMode;
import dev.ioslab.cli.Command;
import dev.ioslab.cli.CommandSpec;
import dev.ioslab.cli.Invocation;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.LocalUrl;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * {@code more fs:file}: prints a file's contents through the pager and output filters (reference §4.6). The read
 * runs on the file-I/O executor and stops after {@value #LIMIT} bytes so an image cannot flood the session; bytes
 * a terminal cannot show (a binary file) print as {@code .}.
 */
public final class MoreCommand implements Command {

    /** At most this many bytes are shown. */
    static final int LIMIT = 1 << 20;

    private final Executor fileIo;

    public MoreCommand(Executor fileIo) {
        this.fileIo = fileIo;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.in(CliMode.EXEC)
                .syntax("more URL:path")
                .help("more", "Display the contents of a file")
                .help("path", "File to display")
                .pipeable()
                .build();
    }

    @Override
    public CompletableFuture<Void> execute(Invocation inv) {
        Optional<LocalUrl> url = FileArgument.local(inv, "path", "opening");
        if (url.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        FileChannel channel;
        try {
            channel = url.get().fileSystem().openChannel(url.get().path());
        } catch (FsException e) {
            FileArgument.report(inv, "opening", url.get(), e);
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> read(channel), fileIo).handle((text, error) -> {
            if (error != null) {
                inv.println("%Error reading " + url.get().display() + " (I/O error)");
                return null;
            }
            if (!text.isEmpty()) {
                text.lines().forEach(inv::println);
            }
            return null;
        });
    }

    private static String read(FileChannel channel) {
        try (channel) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(LIMIT, channel.size()));
            int n = 0;
            while (buffer.hasRemaining() && n >= 0) {
                n = channel.read(buffer);
            }
            StringBuilder out = new StringBuilder(buffer.position());
            for (int i = 0; i < buffer.position(); i++) {
                int b = buffer.get(i) & 0xff;
                if (b != '\r') {
                    out.append(b == '\n' || b == '\t' || (b >= 0x20 && b < 0x7f) ? (char) b : '.');
                }
            }
            return out.toString();
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }
}
