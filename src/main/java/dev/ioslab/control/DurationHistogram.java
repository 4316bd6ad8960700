package dev.ioslab.control;

import dev.ioslab.image.VerificationTimings;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A Prometheus histogram of how long verification-pool tasks ran, in seconds, with fixed buckets from 5 ms to 60 s.
 * Threading: {@link #taskFinished} from any worker, lock-free; readers see counts that may be a moment apart.
 */
public final class DurationHistogram implements VerificationTimings {

    /** Upper bounds of the buckets in seconds ({@code +Inf} is implied). */
    static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

    private final LongAdder[] buckets = new LongAdder[BOUNDS.length];
    private final LongAdder count = new LongAdder();
    private final DoubleAdder sum = new DoubleAdder();

    public DurationHistogram() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    @Override
    public void taskFinished(long nanos) {
        double seconds = Math.max(0, nanos) / 1e9;
        for (int i = 0; i < BOUNDS.length; i++) {
            if (seconds <= BOUNDS[i]) {
                buckets[i].increment();
                break;
            }
        }
        sum.add(seconds);
        count.increment();
    }

    /** Writes the histogram's samples (cumulative buckets, {@code _sum}, {@code _count}) under {@code name}. */
    void writeTo(MetricsText out, String name) {
        long cumulative = 0;
        for (int i = 0; i < BOUNDS.length; i++) {
            cumulative += buckets[i].sum();
            out.sample(name + "_bucket", cumulative, "le", Double.toString(BOUNDS[i]));
        }
        // +Inf is the total count; taken last so that it is never below a finite bucket.
        out.sample(name + "_bucket", Math.max(cumulative, count.sum()), "le", "+Inf");
        out.sample(name + "_sum", sum.sum());
        out.sample(name + "_count", Math.max(cumulative, count.sum()));
    }
}
