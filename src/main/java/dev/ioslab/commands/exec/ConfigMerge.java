package dev.ioslab.commands.exec;

import dev.ioslab.cli.DeviceShell;
import dev.ioslab.cli.Invocation;
import dev.ioslab.fs.FsError;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.LocalUrl;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * A copy into {@code running-config}: the file is merged through the parser line by line, as if typed (a merge,
 * not a replace, as on IOS); whatever the parser refuses is printed. The file is read on the file-I/O executor and
 * must be a configuration ({@value ConfigTextSink#MAX_BYTES} bytes at most), not an image.
 */
final class ConfigMerge {

    private final Executor fileIo;

    ConfigMerge(Executor fileIo) {
        this.fileIo = fileIo;
    }

    /** {@code copy startup-config running-config}, {@code copy flash0:x running-config}. */
    CompletableFuture<Void> fromFile(Invocation inv, LocalUrl source, String label) {
        FileChannel channel;
        try {
            channel = source.fileSystem().openChannel(source.path());
        } catch (FsException e) {
            inv.println("%Error opening " + label + " (" + e.error().reason() + ")");
            return CompletableFuture.completedFuture(null);
        }
        long started = System.nanoTime();
        return CompletableFuture.supplyAsync(() -> read(channel, label), fileIo).handle((text, error) -> {
            if (error != null) {
                Throwable cause = CopyReport.unwrap(error);
                String reason = cause instanceof FsException fs ? fs.error().reason() : FsError.IO_ERROR.reason();
                inv.println("%Error reading " + label + " (" + reason + ")");
                return null;
            }
            apply(inv, text);
            inv.println("");
            inv.println(CopyReport.copiedLine(text.length(), started));
            return null;
        });
    }

    /** Runs {@code text} through the device's parser in global configuration mode and prints what it refused. */
    static void apply(Invocation inv, String text) {
        String problems = new DeviceShell(inv.context().device(), inv.context().catalog()).replayConfig(text);
        if (!problems.isEmpty()) {
            problems.lines().forEach(inv::println);
        }
    }

    private static String read(FileChannel channel, String label) {
        try (channel) {
            if (channel.size() > ConfigTextSink.MAX_BYTES) {
                throw new CompletionException(new FsException(FsError.NOT_SUPPORTED, label));
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
}
