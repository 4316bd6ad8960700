package dev.ioslab.fs;

import java.util.OptionalLong;

/**
 * A storage file system's space arithmetic with the free space a {@link SpacePin} may pin: what {@code dir} shows
 * and whether a write of some more bytes fits. Stateless; callers hold their accounting monitor.
 */
public final class PinnedSpace {

    private PinnedSpace() {
    }

    /**
     * The space to report: with a pin of N bytes, the bytes beyond N that are neither used nor reserved count as
     * reserved, so {@code free()} is at most N while the capacity stays the platform's.
     */
    public static SpaceUsage usage(FileSystemSpec spec, long used, long reserved, WriteChannelOpener channels) {
        OptionalLong pinned = channels.pinnedFree(spec.name());
        long held = pinned.isPresent() ? Math.max(reserved, spec.capacity() - used - pinned.getAsLong()) : reserved;
        return new SpaceUsage(spec.capacity(), used, held);
    }

    /** Whether {@code bytes} more fit the capacity and the pin; a write refused for the pin is reported to it. */
    static boolean fits(FileSystemSpec spec, long used, long reserved, long bytes, WriteChannelOpener channels,
                        FsPath destination) {
        if (used + reserved + bytes > spec.capacity()) {
            return false;
        }
        OptionalLong pinned = channels.pinnedFree(spec.name());
        if (pinned.isPresent() && bytes > 0 && reserved + bytes > pinned.getAsLong()) {
            channels.pinnedSpaceRefused(spec.name(), destination);
            return false;
        }
        return true;
    }
}
