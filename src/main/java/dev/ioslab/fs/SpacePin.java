package dev.ioslab.fs;

import java.util.OptionalLong;

/**
 * The seam through which a storage file system learns that its free space is pinned (the control API's
 * {@code flash full} fault): while a pin holds, {@code dir}, {@code show flash}, {@code show file systems}, copy's and
 * SCP's space checks all see at most the pinned number of bytes free, and a write that needs more is refused with
 * {@link FsError#NOT_ENOUGH_SPACE}, as on a full flash. {@link #NONE} pins nothing.
 *
 * <p>Threading: called from any thread while the file system holds its accounting monitor; implementations are
 * thread-safe and return at once.
 */
public interface SpacePin {

    /** Never pins anything. */
    SpacePin NONE = new SpacePin() {
        @Override
        public OptionalLong pinnedFree(String fileSystem) {
            return OptionalLong.empty();
        }

        @Override
        public void refused(String fileSystem, FsPath destination) {
            // Nothing is pinned, so nothing is refused for a pin.
        }
    };

    /** The free bytes {@code fileSystem} (its name without colon, {@code flash0}) is pinned to, if any. */
    OptionalLong pinnedFree(String fileSystem);

    /** A write to {@code destination} was refused because of the pin (the fault has fired). */
    void refused(String fileSystem, FsPath destination);
}
