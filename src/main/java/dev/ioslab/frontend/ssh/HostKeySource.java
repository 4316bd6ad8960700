package dev.ioslab.frontend.ssh;

import java.io.IOException;
import java.security.KeyPair;

/**
 * A device's SSH host key. Called on an SSH I/O thread during each key exchange, so an implementation answers from
 * memory after the first call.
 */
@FunctionalInterface
public interface HostKeySource {

    /** The key; the same one on every call. */
    KeyPair hostKey() throws IOException;
}
