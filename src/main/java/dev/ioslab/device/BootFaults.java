package dev.ioslab.device;

import java.time.Duration;
import java.util.Optional;

/**
 * The seam through which a device's boot learns of the control API's {@code boot} faults: the next boot may find
 * that no image verifies (the device then stays in ROM monitor, as {@link Device#enterRommon} describes), and the
 * next reload may take a planned time instead of the rack's boot time. {@link #NONE} injects nothing.
 *
 * <p>Threading: called on start-up, scheduler and reboot threads; implementations are thread-safe and return at
 * once.
 */
public interface BootFaults {

    /** Never injects anything. */
    BootFaults NONE = new BootFaults() {
        @Override
        public boolean failVerification(String device) {
            return false;
        }

        @Override
        public Optional<Duration> bootTime(String device) {
            return Optional.empty();
        }
    };

    /** Whether this boot of {@code device} finds every image's signature check failing (the fault fires). */
    boolean failVerification(String device);

    /** How long the reload of {@code device} starting now takes, when a fault plans it. */
    Optional<Duration> bootTime(String device);
}
