package dev.ioslab.transfer;

import dev.ioslab.fs.UrlScheme;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one thing commands know of remote transfers: which client serves a URL scheme. Built once by the daemon and
 * shared by every device. Immutable after construction, so thread-safe.
 */
public final class TransferService {

    private final Map<UrlScheme, TransferClient> clients;

    /** A service with the given clients; schemes without one are refused by {@code copy}. */
    public TransferService(Map<UrlScheme, TransferClient> clients) {
        this.clients = clients.isEmpty() ? Map.of() : new EnumMap<>(clients);
    }

    /** The client for {@code scheme}, if this build has one. */
    public Optional<TransferClient> client(UrlScheme scheme) {
        return Optional.ofNullable(clients.get(scheme));
    }
}
