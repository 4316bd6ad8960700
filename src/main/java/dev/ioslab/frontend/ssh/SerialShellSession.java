package dev.ioslab.frontend.ssh;

import dev.ioslab.cli.ShellSession;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Queue;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link ShellSession} promise of "one call at a time" although an SSH channel calls from several places:
 * input and window changes arrive on an I/O thread, a close may come from the timer (idle timeout) or from the CLI
 * itself. Calls are queued and run in order by whichever thread finds the queue idle; a call made from inside another
 * (the CLI closes the terminal, the channel closes, {@code disconnected()} follows) runs after the outer call returns
 * instead of nesting in it.
 *
 * <p>Threading: any thread; never blocks beyond the calls it runs. A call that throws is logged and does not stop
 * later calls.
 */
final class SerialShellSession implements ShellSession {

    private static final Logger LOG = LoggerFactory.getLogger(SerialShellSession.class);

    private final ShellSession delegate;
    private final String name;
    private final Queue<Consumer<ShellSession>> pending = new ArrayDeque<>();
    private boolean running;

    SerialShellSession(ShellSession delegate, String name) {
        this.delegate = delegate;
        this.name = name;
    }

    @Override
    public void start() {
        submit(ShellSession::start);
    }

    @Override
    public void receive(byte[] data, int offset, int length) {
        // Copied: the call may run after the caller has reused its buffer.
        byte[] copy = Arrays.copyOfRange(data, offset, offset + length);
        submit(s -> s.receive(copy, 0, copy.length));
    }

    @Override
    public void resize(int columns, int rows) {
        submit(s -> s.resize(columns, rows));
    }

    @Override
    public void disconnected() {
        submit(ShellSession::disconnected);
    }

    private void submit(Consumer<ShellSession> call) {
        synchronized (pending) {
            pending.add(call);
            if (running) {
                return;
            }
            running = true;
        }
        while (true) {
            Consumer<ShellSession> next;
            synchronized (pending) {
                next = pending.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.accept(delegate);
            } catch (RuntimeException e) {
                LOG.warn("CLI session {} failed: {}", name, e.toString(), e);
            }
        }
    }
}
