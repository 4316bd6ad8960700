package dev.ioslab.commands.exec;

import dev.ioslab.fs.FsException;
import java.io.IOException;

/**
 * A failure of the device's own side of a copy (its flash is full, a file cannot be read), carried through a
 * transfer client, which passes a sink's or source's exception through unchanged, back to the copy that reports it.
 */
final class LocalFailure extends IOException {

    private final FsException fsError;

    LocalFailure(FsException fsError) {
        super(fsError.getMessage(), fsError);
        this.fsError = fsError;
    }

    FsException fsError() {
        return fsError;
    }
}
