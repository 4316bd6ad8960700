package dev.ioslab.image;

/**
 * Hears how long each task of the {@link VerificationPool} ran (not counting its time in the queue), for the
 * metrics' duration histogram. Threading: called on the worker that ran the task, after it finished; implementations
 * only record and return at once.
 */
@FunctionalInterface
public interface VerificationTimings {

    /** Nobody listens. */
    VerificationTimings NONE = nanos -> { };

    /** One task ran for {@code nanos} nanoseconds. */
    void taskFinished(long nanos);
}
