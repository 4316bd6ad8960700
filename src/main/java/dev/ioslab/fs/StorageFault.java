package dev.ioslab.fs;

/**
 * One injected host failure: writes succeed for the first {@code afterBytes} bytes of a file, then fail with
 * {@code failure}. A {@link HostFailure#READ_ONLY} fault refuses the file before its first byte whatever
 * {@code afterBytes} says, as a read-only host file system does. Immutable.
 *
 * @param failure    how the host fails
 * @param afterBytes bytes of each file that still reach the disk, at least 0
 */
public record StorageFault(HostFailure failure, long afterBytes) {

    public StorageFault {
        if (failure == null) {
            throw new IllegalArgumentException("failure is required");
        }
        if (afterBytes < 0) {
            throw new IllegalArgumentException("afterBytes must be at least 0: " + afterBytes);
        }
    }
}
