package dev.ioslab.image;

import java.util.Optional;

/**
 * The keys a device verifies images with: looked up by key type and version letter, with their state. Implemented by
 * {@link KeyStorage}; implementations are thread-safe.
 */
public interface TrustedKeys {

    /** The stored key of {@code type} and {@code version}, active or revoked, if the device has one. */
    Optional<StoredKey> find(KeyType type, char version);
}
