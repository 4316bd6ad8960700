package dev.ioslab.image;

/** One key in a device's key storage and whether it is still active. Immutable. */
public record StoredKey(SoftwareKey key, KeyState state) {

    public StoredKey {
        if (key == null || state == null) {
            throw new IllegalArgumentException("a stored key needs a key and a state");
        }
    }

    public boolean isActive() {
        return state == KeyState.ACTIVE;
    }

    /** The same key, revoked. */
    public StoredKey revoked() {
        return new StoredKey(key, KeyState.REVOKED);
    }
}
