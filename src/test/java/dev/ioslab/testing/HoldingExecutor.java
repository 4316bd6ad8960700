package dev.ioslab.testing;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * A file-I/O executor for tests that runs tasks at once until {@link #hold()}, then keeps them until the test runs
 * them ({@link #runNext()}, {@link #runAll()}) or never does: a command stays mid-way for as long as the test likes.
 */
public final class HoldingExecutor implements Executor {

    private final Queue<Runnable> held = new ConcurrentLinkedQueue<>();
    private volatile boolean holding;

    @Override
    public void execute(Runnable task) {
        if (holding) {
            held.add(task);
        } else {
            task.run();
        }
    }

    /** From now on tasks wait for the test. */
    public void hold() {
        holding = true;
    }

    /** Tasks waiting now. */
    public int held() {
        return held.size();
    }

    /** Runs the oldest waiting task. */
    public void runNext() {
        held.remove().run();
    }

    /** Runs waiting tasks, and those they add, until none waits. */
    public void runAll() {
        for (Runnable task = held.poll(); task != null; task = held.poll()) {
            task.run();
        }
    }
}
