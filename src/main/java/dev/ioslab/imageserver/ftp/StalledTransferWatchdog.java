package dev.ioslab.imageserver.ftp;

import dev.ioslab.imageserver.LogText;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.ftpserver.ftplet.DataConnectionFactory;
import org.apache.ftpserver.ftplet.FtpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends transfers whose data has stopped moving. MINA FtpServer moves data with blocking socket I/O on its workers,
 * and a blocking write has no timeout: a client that sends {@code RETR} and then never reads would hold a worker
 * for good, and its idle timeout cannot fire (MINA queues the idle event behind the stuck command). Every transfer in
 * progress is registered here; one that moved no byte for the idle timeout has its data connection closed, which
 * ends the blocked write, frees the worker and makes MINA answer {@code 426}. (A stalled upload already ends on
 * MINA's read timeout; it is checked the same way for certainty.)
 *
 * <p>Threading: {@link #watch} and {@link #forget} are called by MINA workers; the checks run on one daemon thread
 * of this class, started by {@link #start()} and stopped by {@link #close()}.
 */
final class StalledTransferWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StalledTransferWatchdog.class);

    /**
     * What the checks need, taken from the session on its worker: MINA's session methods synchronize on the session,
     * which the worker holds for the whole command, so the watchdog must never call them.
     */
    private record Watched(DataConnectionFactory data, RootedFileSystemView view, String user,
                           InetSocketAddress client) {
    }

    private final long idleNanos;
    private final LongSupplier nanoClock;
    private final Map<UUID, Watched> transfers = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    StalledTransferWatchdog(Duration idleTimeout, LongSupplier nanoClock) {
        this.idleNanos = idleTimeout.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Checks four times per idle timeout (at most every 5 s, at least every 100 ms). */
    synchronized void start() {
        if (timer != null) {
            return;
        }
        long period = Math.max(100, Math.min(5_000, idleNanos / 4 / 1_000_000));
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ftp-image-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::abortStalled, period, period, TimeUnit.MILLISECONDS);
    }

    /** Called by the session's worker before the transfer command runs. */
    void watch(FtpSession session, RootedFileSystemView view) {
        transfers.put(session.getSessionId(), new Watched(session.getDataConnection(), view, userOf(session),
                session.getClientAddress()));
    }

    void forget(FtpSession session) {
        transfers.remove(session.getSessionId());
    }

    /** Number of transfers being watched. */
    int watched() {
        return transfers.size();
    }

    /**
     * Closes the data connection of every transfer whose file was opened and that moved nothing for the idle
     * timeout. (Before the file opens, MINA's own accept timeout and active-mode connect guard the wait.)
     *
     * @return how many transfers were aborted
     */
    int abortStalled() {
        long now = nanoClock.getAsLong();
        int aborted = 0;
        for (Map.Entry<UUID, Watched> entry : transfers.entrySet()) {
            Watched watched = entry.getValue();
            TransferMeter meter = watched.view().currentTransfer();
            if (meter != null && now - meter.lastProgressNanos() >= idleNanos) {
                LOG.warn("FTP {} of {} by {} from {} stalled for {} s after {} bytes; closing its data connection",
                        meter.direction().word(), LogText.printable(meter.path()), watched.user(),
                        watched.client(), idleNanos / 1_000_000_000, meter.bytes());
                transfers.remove(entry.getKey(), watched);
                watched.data().closeDataConnection();
                aborted++;
            }
        }
        return aborted;
    }

    /**
     * Closes the data connection of every transfer that is moving data (the server is stopping). One still waiting
     * for its data connection is left to MINA's accept timeout: MINA holds the connection's lock while it waits.
     */
    void abortAll() {
        for (Watched watched : transfers.values()) {
            if (watched.view().currentTransfer() != null) {
                watched.data().closeDataConnection();
            }
        }
        transfers.clear();
    }

    static String userOf(FtpSession session) {
        return session.getUser() == null ? "?" : session.getUser().getName();
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
