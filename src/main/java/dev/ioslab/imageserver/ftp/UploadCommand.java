package dev.ioslab.imageserver.ftp;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import dev.ioslab.fs.FsError;
import dev.ioslab.fs.HostFailureCause;
import org.apache.ftpserver.command.Command;
import org.apache.ftpserver.command.impl.APPE;
import org.apache.ftpserver.command.impl.STOR;
import org.apache.ftpserver.command.impl.STOU;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;
import org.apache.mina.core.future.WriteFuture;

/**
 * One of MINA's upload commands ({@code STOR}, {@code STOU}, {@code APPE}) with the reply to a host storage failure in
 * RFC 959's terms. MINA answers any failure to write the file with {@code 551} (page type unknown); when the upload's
 * {@link PendingUpload#hostFailure()} says why, that reply becomes {@code 452} (insufficient storage space: the host
 * disk is full), {@code 552} (exceeded storage allocation: a quota), {@code 550} (a read-only disk) or {@code 451}
 * (local error in processing: an I/O error), each with IOS's cause, so a client (a device's {@code copy}, curl) can
 * tell a full server from a broken one. Before any failure reply goes out the partial file is deleted, so a client
 * that hears the failure finds nothing left behind. Everything else is MINA's own command, unchanged.
 *
 * <p>Threading: MINA runs one session's commands one at a time on its workers.
 */
final class UploadCommand implements Command {

    private final Command mina;

    private UploadCommand(Command mina) {
        this.mina = mina;
    }

    static UploadCommand stor() {
        return new UploadCommand(new STOR());
    }

    static UploadCommand stou() {
        return new UploadCommand(new STOU());
    }

    static UploadCommand appe() {
        return new UploadCommand(new APPE());
    }

    @Override
    public void execute(FtpIoSession session, FtpServerContext context, FtpRequest request)
            throws IOException, FtpException {
        mina.execute(new StorageReplies(session, context), context, request);
    }

    /** RFC 959's reply to a write that failed with {@code failure}. */
    static FtpReply reply(IOException failure) {
        FsError cause = HostFailureCause.of(failure);
        return switch (cause) {
            case NOT_ENOUGH_SPACE -> String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT).contains("quota")
                    ? new DefaultFtpReply(FtpReply.REPLY_552_REQUESTED_FILE_ACTION_ABORTED_EXCEEDED_STORAGE,
                            "Exceeded storage allocation (" + cause.reason() + ").")
                    : new DefaultFtpReply(FtpReply.REPLY_452_REQUESTED_ACTION_NOT_TAKEN,
                            "Insufficient storage space (" + cause.reason() + ").");
            case READ_ONLY, PERMISSION_DENIED -> new DefaultFtpReply(FtpReply.REPLY_550_REQUESTED_ACTION_NOT_TAKEN,
                    "File cannot be stored (" + cause.reason() + ").");
            default -> new DefaultFtpReply(FtpReply.REPLY_451_REQUESTED_ACTION_ABORTED,
                    "Local error in processing (" + cause.reason() + ").");
        };
    }

    /**
     * The session as MINA's command sees it: every call goes to the real session (whose state lives in the MINA
     * session's attributes, and whose last reply the ftplets read), but a failure reply first drops the partial
     * file, and a {@code 551} for an upload the host failed is replaced by {@link #reply(IOException)}.
     */
    private static final class StorageReplies extends FtpIoSession {

        private final FtpIoSession real;

        StorageReplies(FtpIoSession real, FtpServerContext context) {
            super(real, context);
            this.real = real;
        }

        @Override
        public WriteFuture write(Object message) {
            return super.write(mapped(message));
        }

        private Object mapped(Object message) {
            if (!(message instanceof FtpReply reply) || reply.getCode() < 400
                    || !(real.getFileSystemView() instanceof RootedFileSystemView view)) {
                return message;
            }
            view.abandonUpload();
            Optional<IOException> failure = view.uploadFailure();
            return reply.getCode() == FtpReply.REPLY_551_REQUESTED_ACTION_ABORTED_PAGE_TYPE_UNKNOWN
                    && failure.isPresent() ? reply(failure.get()) : message;
        }
    }
}
