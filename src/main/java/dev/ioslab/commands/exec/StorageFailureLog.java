package dev.ioslab.commands.exec;

import dev.ioslab.cli.Invocation;
import dev.ioslab.fs.FsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's line for a file command that the host's storage refused ({@code mkdir}, {@code rename},
 * {@code delete}, {@code format} and the like on a full, read-only or failing disk): one WARN naming device, what was
 * done to which path, user, source, IOS's cause and the host's words. Failures the user caused (no such file, bad
 * path) carry no host cause and log nothing. Stateless.
 */
final class StorageFailureLog {

    private static final Logger LOG = LoggerFactory.getLogger(StorageFailureLog.class);

    private StorageFailureLog() {
    }

    /** Logs {@code failure} when the host's storage caused it: {@code R1: deleting flash0:/x for admin from ...}. */
    static void warnIfHost(Invocation inv, String verb, String path, FsException failure) {
        if (failure.getCause() == null) {
            return;
        }
        LOG.warn("{}: {} {} for {} from {} failed: {} (host: {})", inv.context().device().name(), verb, path,
                inv.context().info().user(), inv.context().info().remote(), failure.error().reason(),
                failure.getCause().getMessage());
    }
}
