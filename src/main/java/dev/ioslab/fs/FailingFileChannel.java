package dev.ioslab.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A write channel over a real temp file that lets the first {@link StorageFault#afterBytes()} bytes through and then
 * fails every write and {@code force} with the fault's host error, as {@code FileChannel} does on a full or broken
 * disk (the bytes up to the limit are written, as a short write before {@code ENOSPC} would).
 *
 * <p>Threading: one write uses it from one thread at a time, as {@link AtomicWrite} does.
 */
final class FailingFileChannel extends FileChannel {

    private final FileChannel delegate;
    private final StorageFault fault;
    private long passed;
    private boolean failed;

    FailingFileChannel(FileChannel delegate, StorageFault fault) {
        this.delegate = delegate;
        this.fault = fault;
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        long room = fault.afterBytes() - passed;
        if (room <= 0 && source.hasRemaining()) {
            failed = true;
            throw fault.failure().onChannel();
        }
        if (source.remaining() <= room) {
            int n = delegate.write(source);
            passed += n;
            return n;
        }
        ByteBuffer head = source.duplicate();
        head.limit(head.position() + (int) room);
        int n = delegate.write(head);
        source.position(source.position() + n);
        passed += n;
        return n;
    }

    @Override
    public long write(ByteBuffer[] sources, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            while (sources[i].hasRemaining()) {
                total += write(sources[i]);
            }
        }
        return total;
    }

    @Override
    public int write(ByteBuffer source, long position) throws IOException {
        throw fault.failure().onChannel();
    }

    @Override
    public void force(boolean metaData) throws IOException {
        if (failed) {
            throw fault.failure().onChannel();
        }
        delegate.force(metaData);
    }

    @Override
    public int read(ByteBuffer destination) throws IOException {
        return delegate.read(destination);
    }

    @Override
    public long read(ByteBuffer[] destinations, int offset, int length) throws IOException {
        return delegate.read(destinations, offset, length);
    }

    @Override
    public int read(ByteBuffer destination, long position) throws IOException {
        return delegate.read(destination, position);
    }

    @Override
    public long position() throws IOException {
        return delegate.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        delegate.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return delegate.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        delegate.truncate(size);
        return this;
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return delegate.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel source, long position, long count) throws IOException {
        throw fault.failure().onChannel();
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        throw fault.failure().onChannel();
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return delegate.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return delegate.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        delegate.close();
    }
}
