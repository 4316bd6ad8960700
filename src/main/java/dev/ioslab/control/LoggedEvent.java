package dev.ioslab.control;

import dev.ioslab.device.DeviceEvent;
import java.time.Instant;

/**
 * One event as the {@link EventLog} keeps it: its daemon-wide sequence number, the device, when it was published and
 * what happened. Immutable.
 */
public record LoggedEvent(long seq, String device, Instant at, DeviceEvent event) {
}
