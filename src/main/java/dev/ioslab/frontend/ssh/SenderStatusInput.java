package dev.ioslab.frontend.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * The SCP channel input with a one-byte look-ahead, so the sink can see the sender's status byte after a file's data
 * ({@code \0} when the sender read its file without error) before MINA's {@code ScpHelper} reads it as the
 * acknowledgement. The upload is committed only after that {@code \0} and before our own reply, so a client never
 * hears "done" for a file that is not on flash yet.
 *
 * <p>Threading: used by the one SCP command thread of a channel.
 */
final class SenderStatusInput extends PushbackInputStream {

    SenderStatusInput(InputStream in) {
        super(in, 1);
    }

    /** Reads the next byte without consuming it; -1 at end of stream. Blocks until the sender writes it. */
    int peek() throws IOException {
        int next = read();
        if (next >= 0) {
            unread(next);
        }
        return next;
    }
}
