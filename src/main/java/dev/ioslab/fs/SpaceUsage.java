package dev.ioslab.fs;

/**
 * Space of a storage file system at one instant: capacity, bytes of complete files ({@code used}) and bytes held
 * by writes in flight ({@code reserved}). {@code used + reserved + free == capacity} unless files put into the
 * folder behind the daemon's back overfill it, in which case free is 0. Immutable.
 */
public record SpaceUsage(long capacity, long used, long reserved) {

    /** Bytes still available to new writes, never negative; what {@code dir} prints as "bytes free". */
    public long free() {
        return Math.max(0, capacity - used - reserved);
    }
}
