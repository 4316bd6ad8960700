package dev.ioslab.commands.exec;

import dev.ioslab.transfer.TransferSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bytes a copy reads from the device itself: a flash file (read sequentially from its channel) or text such as
 * the running configuration. Closing releases the file.
 *
 * <p>Threading: one reader at a time (the copy's chunk task or a transfer client's event loop).
 */
abstract sealed class LocalSource implements TransferSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSource.class);

    static LocalSource of(FileChannel channel) throws IOException {
        return new FileSource(channel, channel.size());
    }

    static LocalSource of(byte[] bytes) {
        return new BytesSource(bytes);
    }

    @Override
    public abstract void close();

    private static final class FileSource extends LocalSource {
        private final FileChannel channel;
        private final long size;
        private long position;

        FileSource(FileChannel channel, long size) {
            this.channel = channel;
            this.size = size;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public int read(ByteBuffer buffer) throws IOException {
            int n = channel.read(buffer, position);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("Closing copy source failed: {}", e.toString());
            }
        }
    }

    private static final class BytesSource extends LocalSource {
        private final byte[] bytes;
        private int position;

        BytesSource(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public int read(ByteBuffer buffer) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = Math.min(buffer.remaining(), bytes.length - position);
            buffer.put(bytes, position, n);
            position += n;
            return n;
        }

        @Override
        public void close() {
            // Nothing to release.
        }
    }
}
