package dev.ioslab.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where an upload's bytes come from (a flash file, the running configuration's text). The client reads it on its
 * event loop, one call at a time, only as fast as the network takes the bytes. An exception thrown here ends the
 * transfer with that exception. The caller, not the client, closes the source.
 */
public interface TransferSource {

    /** The number of bytes the source will deliver. */
    long size();

    /**
     * Reads the next bytes into {@code buffer}.
     *
     * @return the number of bytes read, or -1 at the end
     */
    int read(ByteBuffer buffer) throws IOException;
}
