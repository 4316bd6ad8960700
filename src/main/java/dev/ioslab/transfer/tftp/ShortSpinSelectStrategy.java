package dev.ioslab.transfer.tftp;

import io.netty.channel.SelectStrategy;
import io.netty.channel.SelectStrategyFactory;
import io.netty.util.IntSupplier;

/**
 * A select strategy that polls for ready channels for a short while before letting the loop sleep. In a lock-step
 * TFTP transfer the next block arrives within tens of microseconds of our ACK; a loop already asleep in
 * {@code epoll_wait} pays a scheduler wake-up (on a virtual machine, an idle vCPU's wake-up) for each block, which
 * polling avoids. Polling stops at the first ready channel, at {@code spinNanos}, or at once when tasks are queued,
 * so an idle loop costs at most one short poll per wake-up.
 *
 * <p>Threading: one instance per event loop, used by that loop's thread only.
 */
final class ShortSpinSelectStrategy implements SelectStrategy {

    private final long spinNanos;

    ShortSpinSelectStrategy(long spinNanos) {
        this.spinNanos = spinNanos;
    }

    /** A factory giving each loop its own strategy. */
    static SelectStrategyFactory factory(long spinNanos) {
        return () -> new ShortSpinSelectStrategy(spinNanos);
    }

    @Override
    public int calculateStrategy(IntSupplier selectNow, boolean hasTasks) throws Exception {
        int ready = selectNow.get();
        if (ready > 0 || hasTasks) {
            return ready;
        }
        long end = System.nanoTime() + spinNanos;
        while (System.nanoTime() - end < 0) {
            Thread.onSpinWait();
            ready = selectNow.get();
            if (ready > 0) {
                return ready;
            }
        }
        return SelectStrategy.SELECT;
    }
}
