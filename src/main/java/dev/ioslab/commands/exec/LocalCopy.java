package dev.ioslab.commands.exec;

import dev.ioslab.cli.Invocation;
import dev.ioslab.fs.LocalUrl;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A copy from the device itself (a flash file, the running configuration) into a flash file (reference §5.8):
 * {@code Copy in progress...CCCC}, one {@code C} per chunk written, then the {@code bytes copied} line, and with
 * {@code /verify} the integrity check. A failed or abandoned copy leaves the file system exactly as before.
 */
final class LocalCopy {

    private static final Logger LOG = LoggerFactory.getLogger(LocalCopy.class);

    private final FlashWriter flash;

    LocalCopy(FlashWriter flash) {
        this.flash = flash;
    }

    /** Copies {@code source} (closed at the end) to {@code to}; {@code label} names the source in errors. */
    CompletableFuture<Void> run(Invocation inv, LocalSource source, String label, LocalUrl to, boolean erase,
                                boolean verify) {
        inv.startLine();
        return flash.open(to, source.size(), erase).handle((write, error) -> {
            if (error != null) {
                source.close();
                CopyReport.failure(inv, CopyReport.unwrap(error), label, to, null, false);
                return CompletableFuture.<Void>completedFuture(null);
            }
            long started = System.nanoTime();
            inv.stream("Copy in progress...");
            FlashSink sink = new FlashSink(write);
            ProgressMarks marks = new ProgressMarks(inv, 'C', ChunkPump.CHUNK, false, 0, server -> { });
            // Ctrl-C marks the invocation cancelled; the pump sees it before its next chunk.
            inv.onAbort(() -> LOG.debug("Copy to {} aborted by the user", to.path()));
            return ChunkPump.run(source, sink, marks, flash.fileIo(), inv::isCancelled)
                    .thenCompose(bytes -> {
                        marks.finish(bytes);
                        return flash.commit(write);
                    })
                    .handle((entry, failure) -> {
                        source.close();
                        write.abort();
                        inv.startLine();
                        if (failure != null) {
                            LOG.debug("Copy to {} failed: {}", to.path(), failure.toString());
                            CopyReport.failure(inv, CopyReport.unwrap(failure), label, to, null, false);
                            return null;
                        }
                        inv.println(CopyReport.copiedLine(entry.size(), started));
                        return verify;
                    })
                    .thenCompose(check -> Boolean.TRUE.equals(check) ? flash.verify(inv, to)
                            : CompletableFuture.<Void>completedFuture(null));
        }).thenCompose(f -> f);
    }
}
