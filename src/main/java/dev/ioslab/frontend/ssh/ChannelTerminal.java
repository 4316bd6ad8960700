package dev.ioslab.frontend.ssh;

import dev.ioslab.cli.Terminal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.ExitCallback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Terminal} of one SSH channel: text is queued and written to MINA's non-blocking channel stream.
 *
 * <p>MINA's {@link IoOutputStream} accepts one pending write at a time, so text written meanwhile waits here and goes
 * out in one buffer when the previous write completes (which may be after the client has opened its window again).
 * {@link #finish(int)} lets the queue drain, then reports the exit status, after which MINA sends EOF, the
 * {@code exit-status} request and closes the channel. Once the channel is gone, writes are dropped.
 *
 * <p>Threading: thread-safe and never blocks; writes may come from an I/O thread or from a command's future.
 */
final class ChannelTerminal implements Terminal {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelTerminal.class);

    private final IoOutputStream out;
    private final ExitCallback exit;
    private final String name;
    private final Queue<byte[]> queue = new ArrayDeque<>();
    private int queuedBytes;
    /** True while one thread owns the write loop (a write is in flight or being issued). */
    private boolean writing;
    private boolean finishing;
    private int exitStatus;
    private boolean exited;
    private boolean gone;
    private final List<Runnable> drained = new ArrayList<>();
    /** Output waiting beyond the write in flight above which the session takes no more input. */
    static final int HIGH_WATER = 64 * 1024;

    ChannelTerminal(IoOutputStream out, ExitCallback exit, String name) {
        this.out = out;
        this.exit = exit;
        this.name = name;
    }

    @Override
    public void write(String text) {
        if (text.isEmpty()) {
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        synchronized (this) {
            if (finishing || gone) {
                LOG.trace("{}: dropped {} bytes written after close", name, bytes.length);
                return;
            }
            queue.add(bytes);
            queuedBytes += bytes.length;
            if (writing) {
                return;
            }
            writing = true;
        }
        pump();
    }

    @Override
    public void close() {
        finish(0);
    }

    @Override
    public synchronized boolean backlogged() {
        return !gone && writing && queuedBytes >= HIGH_WATER;
    }

    @Override
    public void whenDrained(Runnable action) {
        synchronized (this) {
            if (backlogged()) {
                drained.add(action);
                return;
            }
        }
        action.run();
    }

    /** Runs the drain callbacks once the queue is below the high-water mark again. */
    private void runDrained() {
        List<Runnable> ready;
        synchronized (this) {
            if (drained.isEmpty() || backlogged()) {
                return;
            }
            ready = new ArrayList<>(drained);
            drained.clear();
        }
        ready.forEach(Runnable::run);
    }

    /** Ends the channel with {@code status} once everything written so far is sent. Idempotent: the first wins. */
    void finish(int status) {
        synchronized (this) {
            if (finishing || gone) {
                return;
            }
            finishing = true;
            exitStatus = status;
            if (writing) {
                return;
            }
            writing = true;
        }
        pump();
    }

    /** The channel is closed: drop what is queued and ignore what comes. */
    void channelClosed() {
        synchronized (this) {
            gone = true;
            queue.clear();
            queuedBytes = 0;
        }
    }

    /** Runs the write loop; the caller owns {@code writing}. */
    private void pump() {
        while (true) {
            Buffer next;
            boolean reportExit = false;
            synchronized (this) {
                if (gone) {
                    writing = false;
                    return;
                }
                if (queue.isEmpty()) {
                    writing = false;
                    if (!finishing || exited) {
                        return;
                    }
                    exited = true;
                    reportExit = true;
                    next = null;
                } else {
                    next = drainQueue();
                }
            }
            if (reportExit) {
                exit.onExit(exitStatus);
                return;
            }
            IoWriteFuture future;
            try {
                future = out.writeBuffer(next);
            } catch (IOException | RuntimeException e) {
                LOG.debug("{}: write failed, channel closing: {}", name, e.toString());
                channelClosed();
                return;
            }
            if (!future.isDone()) {
                future.addListener(this::written);
                return;
            }
            if (!future.isWritten()) {
                failed(future);
                return;
            }
        }
    }

    private void written(IoWriteFuture future) {
        if (future.isWritten()) {
            pump();
            runDrained();
        } else {
            failed(future);
        }
    }

    private void failed(IoWriteFuture future) {
        LOG.debug("{}: write failed, channel closing: {}", name, String.valueOf(future.getException()));
        channelClosed();
    }

    private Buffer drainQueue() {
        byte[] all = new byte[queuedBytes];
        int at = 0;
        for (byte[] chunk = queue.poll(); chunk != null; chunk = queue.poll()) {
            System.arraycopy(chunk, 0, all, at, chunk.length);
            at += chunk.length;
        }
        queuedBytes = 0;
        return new ByteArrayBuffer(all);
    }
}
