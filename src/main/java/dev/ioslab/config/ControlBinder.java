package dev.ioslab.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the {@code control:} section, reporting every problem with its position: a token that is too short or has
 * spaces, and a non-loopback address without a token (the API can reset every device, so it is never open to the
 * network without a credential).
 */
final class ControlBinder {

    static final List<String> KEYS = List.of("enabled", "address", "port", "token");
    /** A bearer token shorter than this is guessable. */
    static final int MIN_TOKEN_LENGTH = 16;

    /** The API's settings with what the clash check needs to point at its port. */
    record Bound(ControlSettings settings, IpAddress address, boolean addressValid, YamlNode.Position portPosition) {
    }

    private final ConfigBinder binder;

    ControlBinder(ConfigBinder binder) {
        this.binder = binder;
    }

    Bound bind(MappingReader control) {
        boolean enabled = control.bool("enabled", false);
        IpAddress loopback = IpAddress.parse(ControlSettings.DEFAULT_ADDRESS);
        IpAddress written = binder.address(control, "address", loopback);
        IpAddress address = Objects.requireNonNullElse(written, loopback);
        int port = binder.port(control, "port", ControlSettings.DEFAULT_PORT);
        String token = binder.secret(control, "token", false);
        if (token != null && (token.length() < MIN_TOKEN_LENGTH || token.chars().anyMatch(Character::isWhitespace))) {
            control.report("token", "must be at least " + MIN_TOKEN_LENGTH + " characters without spaces, such as the "
                    + "output of 'openssl rand -hex 16'");
            token = null;
        }
        if (enabled && written != null && !written.isLoopback() && token == null && !control.has("token")) {
            control.report("address", address + " is not a loopback address, and the control API can reset every "
                    + "device: set control.token (clients send 'Authorization: Bearer <token>') or listen on "
                    + "127.0.0.1");
        }
        return new Bound(new ControlSettings(enabled, address.toString(), port, Optional.ofNullable(token)), address,
                written != null, control.position("port"));
    }
}
