package dev.ioslab.image;

import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * A process that writes a key storage as fast as it can and says after each write that it returned, for
 * {@link KeyStorageKillTest}, which kills it with SIGKILL in the middle. Arguments: the storage folder.
 */
public final class KeyStorageWriter {

    private KeyStorageWriter() {
    }

    public static void main(String[] args) throws Exception {
        KeyStorage storage = KeyStorage.open(Path.of(args[0]), List.of());
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(SoftwareKey.MODULUS_BITS);
        List<SoftwareKey> keys = new ArrayList<>();
        for (char v = 'B'; v <= 'Y'; v++) {
            keys.add(SoftwareKey.of(KeyType.DEVELOPMENT, v, (RSAPublicKey) rsa.generateKeyPair().getPublic()));
        }
        System.out.println("ready");
        System.out.flush();
        for (SoftwareKey key : keys) {
            storage.addKey(key);
            System.out.println("added " + key.label());
            System.out.flush();
            storage.revokeOlderThan(KeyType.DEVELOPMENT, key.version());
            System.out.println("revoked below " + key.label());
            System.out.flush();
        }
        System.out.println("done");
    }
}
