package dev.ioslab.transfer;

import java.time.Duration;
import java.util.Objects;

/**
 * One way a transfer is made to fail or to slow down, as the control API's {@code transfer} fault plans inject it:
 * {@link FaultyTransferClient} applies it to a real transfer so that the copy above sees exactly what it would see
 * with a broken server or link. Immutable.
 */
public sealed interface TransferFault {

    /** The transfer fails before any byte with {@code error}, e.g. {@code %Error opening ftp://… (Timed out)}. */
    record Fail(TransferError error) implements TransferFault {
        public Fail {
            Objects.requireNonNull(error, "error");
        }
    }

    /** After {@code bytes} bytes nothing more arrives: the copy ends as the idle timeout ends it ({@code Timed out}). */
    record StallAfter(long bytes) implements TransferFault {
        public StallAfter {
            requireNotNegative(bytes, "bytes");
        }
    }

    /** The server closes the transfer after {@code bytes} bytes: the copy fails as a real short transfer does. */
    record TruncateAfter(long bytes) implements TransferFault {
        public TruncateAfter {
            requireNotNegative(bytes, "bytes");
        }
    }

    /** The byte at {@code offset} arrives with every bit flipped; the copy succeeds and a signature check fails. */
    record CorruptByteAt(long offset) implements TransferFault {
        public CorruptByteAt {
            requireNotNegative(offset, "offset");
        }
    }

    /** The bytes reach the sink at no more than {@code bytesPerSecond}. */
    record Bandwidth(long bytesPerSecond) implements TransferFault {
        public Bandwidth {
            if (bytesPerSecond < 1) {
                throw new IllegalArgumentException("bytesPerSecond must be at least 1: " + bytesPerSecond);
            }
        }
    }

    /** The transfer starts {@code delay} late (time before the first byte). */
    record Latency(Duration delay) implements TransferFault {
        public Latency {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative: " + delay);
            }
        }
    }

    private static void requireNotNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be at least 0: " + value);
        }
    }
}
