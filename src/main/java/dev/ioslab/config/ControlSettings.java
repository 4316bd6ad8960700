package dev.ioslab.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The lab control API, the {@code control:} section: an HTTP/JSON server for device lifecycle, fault injection,
 * events and metrics. Off unless the configuration turns it on; the loader refuses a non-loopback address without a
 * token, because anyone who reaches the API can reset every device.
 *
 * @param enabled whether the daemon starts the API; default {@code false}
 * @param address IP address the API listens on; default {@code 127.0.0.1} (never the daemon's bind address: the API
 *                stays private unless asked for)
 * @param port    TCP port; default 2280 (0 picks a free port: tests)
 * @param token   the bearer token every call must present; empty for none (allowed on loopback only). Never printed.
 */
public record ControlSettings(boolean enabled, String address, int port, Optional<String> token) {

    /** Default {@link #address()}. */
    public static final String DEFAULT_ADDRESS = "127.0.0.1";
    /** Default {@link #port()}: unprivileged, next to the devices' 22xx ports. */
    public static final int DEFAULT_PORT = 2280;
    /** The API as the code has it when the configuration says nothing: off. */
    public static final ControlSettings DISABLED = new ControlSettings(false, DEFAULT_ADDRESS, DEFAULT_PORT,
            Optional.empty());

    public ControlSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(token, "token");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    @Override
    public String toString() {
        return "ControlSettings[enabled=" + enabled + ", address=" + address + ", port=" + port + ", token="
                + (token.isPresent() ? "*" : "none") + "]";
    }
}
