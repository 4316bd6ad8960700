package dev.ioslab.transfer;

import java.io.IOException;

/**
 * A remote transfer failed. {@link #dataStarted()} tells whether data had begun to flow, which decides IOS's verb:
 * {@code %Error opening ftp://…} before, {@code %Error reading …} (download) or {@code %Error writing …} (upload)
 * after. The message never contains credentials; {@link #detail()} carries what the server said, for the log.
 */
public final class TransferException extends IOException {

    private final TransferError error;
    private final boolean dataStarted;
    private final String detail;

    public TransferException(TransferError error, boolean dataStarted, String detail) {
        super(error.reason() + (detail.isEmpty() ? "" : ": " + detail));
        this.error = error;
        this.dataStarted = dataStarted;
        this.detail = detail;
    }

    public TransferException(TransferError error, boolean dataStarted, String detail, Throwable cause) {
        this(error, dataStarted, detail);
        initCause(cause);
    }

    public TransferError error() {
        return error;
    }

    public boolean dataStarted() {
        return dataStarted;
    }

    /** What the server said or what the client saw, for the log (never shown to the CLI user). */
    public String detail() {
        return detail;
    }
}
