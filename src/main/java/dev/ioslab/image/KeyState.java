package dev.ioslab.image;

import java.util.Optional;

/** Whether a key in a device's key storage still verifies images. */
public enum KeyState {
    ACTIVE("active"),
    REVOKED("revoked");

    private final String label;

    KeyState(String label) {
        this.label = label;
    }

    /** The word written in the key storage file. */
    public String label() {
        return label;
    }

    /** The state written as {@code label}, if any. */
    public static Optional<KeyState> ofLabel(String label) {
        for (KeyState s : values()) {
            if (s.label.equals(label)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
