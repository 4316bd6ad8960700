package dev.ioslab.commands.exec;

import dev.ioslab.cli.Invocation;
import dev.ioslab.device.DeviceEvent;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.RemoteUrl;
import dev.ioslab.transfer.TransferException;
import dev.ioslab.transfer.TransferListener;
import java.net.InetSocketAddress;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the bytes of one copy to or from a server as they flow (passing progress on to the {@code !} marks) and,
 * when the copy ends, publishes its {@code transfer} event: the URL with the user kept and the password left out,
 * bytes, seconds and {@code ok} or IOS's reason for the failure. Threading: progress arrives on the client's event
 * loop, {@link #publish} on whichever thread ends the copy; both only record and append.
 */
final class TransferTally {

    private final RemoteUrl url;
    private final DeviceEvent.Direction direction;
    private final long startedNanos = System.nanoTime();
    private final AtomicLong bytes = new AtomicLong();

    TransferTally(RemoteUrl url, DeviceEvent.Direction direction) {
        this.url = url;
        this.direction = direction;
    }

    /** {@code marks}, with every progress report also counted here. */
    TransferListener counting(TransferListener marks) {
        return new TransferListener() {
            @Override
            public void started(InetSocketAddress server) {
                marks.started(server);
            }

            @Override
            public void progress(long totalBytes) {
                bytes.accumulateAndGet(totalBytes, Math::max);
                marks.progress(totalBytes);
            }
        };
    }

    /** Publishes the finished copy: {@code moved} bytes when it succeeded, {@code error} (unwrapped) when not. */
    void publish(Invocation inv, long moved, Throwable error) {
        long total = error == null ? moved : bytes.get();
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        inv.context().device().events().publish(new DeviceEvent.Transfer(recordedUrl(url), direction,
                url.scheme().label(), total, seconds, error == null ? "ok" : reason(error)));
    }

    /** The URL with its user and without its password: {@code ftp://admin@10.1.1.1/x.bin}. */
    static String recordedUrl(RemoteUrl url) {
        String shown = url.display();
        int scheme = shown.indexOf("://");
        if (url.user().isEmpty() || scheme < 0) {
            return shown;
        }
        return shown.substring(0, scheme + 3) + url.user().get() + "@" + shown.substring(scheme + 3);
    }

    /** The reason IOS gives for {@code error}, as its {@code %Error … (reason)} line says it. */
    static String reason(Throwable error) {
        Throwable cause = CopyReport.unwrap(error);
        if (cause instanceof TransferException t) {
            return t.error().reason();
        }
        if (cause instanceof LocalFailure local) {
            return local.fsError().error().reason();
        }
        if (cause instanceof FsException fs) {
            return fs.error().reason();
        }
        if (cause instanceof CancellationException) {
            return "Aborted";
        }
        return "I/O error";
    }
}
