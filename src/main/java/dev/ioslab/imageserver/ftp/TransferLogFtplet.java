package dev.ioslab.imageserver.ftp;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import dev.ioslab.fs.HostFailureCause;
import dev.ioslab.imageserver.LogText;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every file transfer command ({@code RETR}, {@code STOR}, {@code STOU}, {@code APPE}): registers it with
 * the {@link StalledTransferWatchdog} while it runs, puts a completed upload in place (or drops a failed one) once
 * MINA has answered, and logs one INFO line per transfer: direction, file, client address, user, bytes, milliseconds
 * and the server's reply; an upload the host could not store (disk full, read-only, I/O error) is one WARN line with
 * IOS's cause instead. Never a password (MINA keeps the anonymous one, an e-mail address by convention, to
 * itself).
 *
 * <p>Threading: MINA calls it on the worker running the session's command, before and after it.
 */
final class TransferLogFtplet extends DefaultFtplet {

    private static final Logger LOG = LoggerFactory.getLogger(TransferLogFtplet.class);
    private static final Set<String> TRANSFERS = Set.of("RETR", "STOR", "STOU", "APPE");
    private static final Set<String> UPLOADS = Set.of("STOR", "STOU", "APPE");

    private final StalledTransferWatchdog watchdog;

    TransferLogFtplet(StalledTransferWatchdog watchdog) {
        this.watchdog = watchdog;
    }

    @Override
    public FtpletResult beforeCommand(FtpSession session, FtpRequest request) {
        if (TRANSFERS.contains(command(request)) && session.getFileSystemView() instanceof RootedFileSystemView view) {
            watchdog.watch(session, view);
        }
        return FtpletResult.DEFAULT;
    }

    @Override
    public FtpletResult afterCommand(FtpSession session, FtpRequest request, FtpReply reply) {
        if (!(session.getFileSystemView() instanceof RootedFileSystemView view)) {
            return FtpletResult.DEFAULT;
        }
        String command = command(request);
        // Other commands may open files too (MD5); only transfers are logged.
        TransferMeter meter = view.takeTransfer();
        if (!TRANSFERS.contains(command)) {
            return FtpletResult.DEFAULT;
        }
        watchdog.forget(session);
        Optional<IOException> storage = UPLOADS.contains(command) ? view.uploadFailure() : Optional.empty();
        boolean complete = reply != null && reply.getCode() == FtpReply.REPLY_226_CLOSING_DATA_CONNECTION;
        String result = reply == null ? "no reply"
                : reply.getCode() + " " + LogText.printable(reply.getMessage().strip());
        if (UPLOADS.contains(command) && !view.finishUpload(complete) && complete) {
            result = "stored incompletely: the file could not be put in place";
        }
        String direction = UPLOADS.contains(command) ? "upload" : "download";
        if (storage.isPresent()) {
            // One WARN line per upload the host could not store: file, user, client, IOS's cause, the host's words.
            LOG.warn("FTP image repository: upload of {} by {} from {} failed after {} bytes: {} (host: {}); {}",
                    LogText.printable(meter == null ? request.getArgument() : meter.path()),
                    StalledTransferWatchdog.userOf(session), session.getClientAddress(),
                    meter == null ? 0 : meter.bytes(), HostFailureCause.of(storage.get()).reason(),
                    LogText.printable(storage.get().getMessage()), result);
        } else if (meter == null) {
            LOG.info("FTP {} of {} by {} from {} refused: {}", direction,
                    LogText.printable(request.getArgument()), StalledTransferWatchdog.userOf(session),
                    session.getClientAddress(), result);
        } else {
            LOG.info("FTP {} of {} by {} from {}: {} bytes in {} ms, {}", direction,
                    LogText.printable(meter.path()), StalledTransferWatchdog.userOf(session),
                    session.getClientAddress(), meter.bytes(), meter.elapsedMillis(), result);
        }
        return FtpletResult.DEFAULT;
    }

    /** A session that ends in the middle of a command is no longer watched. */
    @Override
    public FtpletResult onDisconnect(FtpSession session) {
        watchdog.forget(session);
        return FtpletResult.DEFAULT;
    }

    private static String command(FtpRequest request) {
        return request.getCommand() == null ? "" : request.getCommand().toUpperCase(Locale.ROOT);
    }
}
