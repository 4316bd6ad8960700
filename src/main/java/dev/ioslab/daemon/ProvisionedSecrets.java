package dev.ioslab.daemon;

import dev.ioslab.device.Credential;
import dev.ioslab.device.Md5Crypt;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The type 5 hashes of the secrets the configuration provisions (the users and enable secret of a template entry),
 * each computed once for the whole rack: a hundred thousand devices of one entry carry the same hash, as routers
 * provisioned from one saved configuration do, and booting them costs no MD5-crypt rounds. Secrets a user types at
 * the CLI still get a fresh salt there. Thread-safe.
 */
final class ProvisionedSecrets {

    private final Map<String, String> hashes = new ConcurrentHashMap<>();

    /** The type 5 hash {@code secret 5 <hash>} provisions for {@code plain}. */
    String hash(String plain) {
        return hashes.computeIfAbsent(plain, Md5Crypt::hash);
    }

    /**
     * Whether {@code stored} stands for {@code plain}: at once when it is the provisioned hash of {@code plain},
     * otherwise by checking it (a secret changed at the CLI and saved).
     */
    boolean matches(Credential stored, String plain) {
        String provisioned = hashes.get(plain);
        if (stored.type() == 5 && provisioned != null && provisioned.equals(stored.value())) {
            return true;
        }
        return stored.matches(plain);
    }
}
