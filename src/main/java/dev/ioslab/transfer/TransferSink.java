package dev.ioslab.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where a download's bytes go (a file being written atomically in flash, a buffer for a configuration merge). The
 * client calls it on its event loop, one call at a time; a write may block briefly on local disk and that is what
 * paces the transfer (no whole-file buffering). An exception thrown here ends the transfer with that exception.
 */
public interface TransferSink {

    /**
     * The size the server announced (FTP {@code SIZE}, TFTP {@code tsize}) before the first byte arrives; called at
     * most once, and not at all when the server does not tell.
     *
     * @throws IOException to refuse the transfer before any byte is written (for example not enough space)
     */
    void expectSize(long bytes) throws IOException;

    /** Appends all remaining bytes of {@code bytes}. */
    void write(ByteBuffer bytes) throws IOException;
}
