package dev.ioslab.transfer.ftp;

import dev.ioslab.transfer.TransferException;
import dev.ioslab.transfer.TransferSink;
import dev.ioslab.transfer.TransferSource;
import java.io.IOException;
import java.util.OptionalLong;

/** Which way the bytes go: what differs between a download and an upload. Immutable. */
sealed interface FtpTransfer {

    /** The command that starts the transfer. */
    FtpVerb verb();

    /** Whether to ask the file's size first (only a download has a sink to tell). */
    boolean asksSize();

    /**
     * Passes on the size the server announced; false when the transfer is already over.
     *
     * @throws IOException the sink's own refusal, which ends the transfer
     */
    boolean announceSize(TransferFuture future, long size) throws IOException;

    /** The failure a negative reply to the transfer command (or during the transfer) means. */
    TransferException refused(FtpReply reply, boolean dataStarted);

    /** The handler that moves the bytes on the data connection. */
    DataHandler dataHandler(FtpSession session, TransferFuture future, OptionalLong expectedSize);

    /** A download: RETR into the sink. */
    record Retrieve(TransferSink sink) implements FtpTransfer {

        @Override
        public FtpVerb verb() {
            return FtpVerb.RETR;
        }

        @Override
        public boolean asksSize() {
            return true;
        }

        @Override
        public boolean announceSize(TransferFuture future, long size) throws IOException {
            return future.expectSize(sink, size);
        }

        @Override
        public TransferException refused(FtpReply reply, boolean dataStarted) {
            return FtpFailures.retrieveRefused(reply, dataStarted);
        }

        @Override
        public DataHandler dataHandler(FtpSession session, TransferFuture future, OptionalLong expectedSize) {
            return new DownloadHandler(session, sink, future, expectedSize);
        }
    }

    /** An upload: STOR from the source. */
    record Store(TransferSource source) implements FtpTransfer {

        @Override
        public FtpVerb verb() {
            return FtpVerb.STOR;
        }

        @Override
        public boolean asksSize() {
            return false;
        }

        @Override
        public boolean announceSize(TransferFuture future, long size) {
            return true;
        }

        @Override
        public TransferException refused(FtpReply reply, boolean dataStarted) {
            return FtpFailures.storeRefused(reply, dataStarted);
        }

        @Override
        public DataHandler dataHandler(FtpSession session, TransferFuture future, OptionalLong expectedSize) {
            return new UploadHandler(session, source, future);
        }
    }
}
