package dev.ioslab.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * A {@link WriteChannelOpener} that asks, for every write, which {@link StorageFault} applies now and hands out a
 * channel that fails accordingly; with no fault the write goes to the host as usual. The control API drives it
 * with its {@code flash} fault plan ({@code full}, {@code write-error-after-bytes}, {@code read-only}), tests with a
 * fixed fault. It also carries the {@link SpacePin} of the {@code full} fault to the file systems it serves.
 *
 * <p>Threading: thread-safe when {@code faults} is; each channel it returns is used by one write.
 */
public final class FaultyWriteChannels implements WriteChannelOpener {

    private final Function<FsPath, Optional<StorageFault>> faults;
    private final WriteChannelOpener host;
    private final SpacePin space;

    /** @param faults the fault to apply to a write to the given destination, asked when the write begins */
    public FaultyWriteChannels(Function<FsPath, Optional<StorageFault>> faults) {
        this(faults, SpacePin.NONE);
    }

    /** As {@link #FaultyWriteChannels(Function)}, with free space pinned by {@code space}. */
    public FaultyWriteChannels(Function<FsPath, Optional<StorageFault>> faults, SpacePin space) {
        this(faults, WriteChannelOpener.HOST, space);
    }

    FaultyWriteChannels(Function<FsPath, Optional<StorageFault>> faults, WriteChannelOpener host) {
        this(faults, host, SpacePin.NONE);
    }

    private FaultyWriteChannels(Function<FsPath, Optional<StorageFault>> faults, WriteChannelOpener host,
                                SpacePin space) {
        this.faults = faults;
        this.host = host;
        this.space = space;
    }

    /** Always fails with {@code fault}. */
    public static FaultyWriteChannels always(StorageFault fault) {
        return new FaultyWriteChannels(destination -> Optional.of(fault));
    }

    @Override
    public FileChannel open(FsPath destination, Path temp) throws IOException {
        Optional<StorageFault> fault = faults.apply(destination);
        if (fault.isEmpty()) {
            return host.open(destination, temp);
        }
        if (fault.get().failure() == HostFailure.READ_ONLY) {
            throw HostFailure.READ_ONLY.onFile(temp);
        }
        return new FailingFileChannel(host.open(destination, temp), fault.get());
    }

    @Override
    public OptionalLong pinnedFree(String fileSystem) {
        return space.pinnedFree(fileSystem);
    }

    @Override
    public void pinnedSpaceRefused(String fileSystem, FsPath destination) {
        space.refused(fileSystem, destination);
    }
}
