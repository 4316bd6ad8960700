package dev.ioslab.device;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Objects;

/**
 * Something that happened on a device that a lab user may want to assert afterwards: a login or logout, a command
 * line entered, a configuration change, a transfer, an image verification, a reload, a fault that fired. Published
 * through {@link DeviceEvents}; the control API numbers, stores and serves them. No event ever carries a password:
 * URLs are stored with the user and without the password. Immutable.
 */
public sealed interface DeviceEvent permits DeviceEvent.Login, DeviceEvent.Logout, DeviceEvent.CommandEntered,
        DeviceEvent.CommandRejected, DeviceEvent.ConfigChange, DeviceEvent.Transfer, DeviceEvent.Verification, DeviceEvent.Reload,
        DeviceEvent.FaultFired {

    /** The event's type as the API names it: {@code login}, {@code command}, {@code config-change} … */
    String type();

    /** How a login attempt ended. */
    enum LoginResult {
        OK, FAILED, REFUSED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which way a transfer moved bytes, seen from the device. */
    enum Direction {
        DOWNLOAD, UPLOAD;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A login attempt.
     *
     * @param user   the user name given (empty for line-password or no-login Telnet)
     * @param source the client's address
     * @param method {@code ssh}, {@code telnet} or {@code scp}
     */
    record Login(String user, String source, String method, LoginResult result) implements DeviceEvent {
        public Login {
            Objects.requireNonNull(result, "result");
            user = user == null ? "" : user;
        }

        /** A login attempt from {@code source} (its host address; empty when unknown). */
        public static Login from(String user, InetSocketAddress source, String method, LoginResult result) {
            String host = source == null || source.getAddress() == null ? "" : source.getAddress().getHostAddress();
            return new Login(user, host, method, result);
        }

        @Override
        public String type() {
            return "login";
        }
    }

    /** A logged-in session ended, freeing vty line {@code vty}. */
    record Logout(String user, String source, int vty) implements DeviceEvent {
        @Override
        public String type() {
            return "logout";
        }
    }

    /**
     * A command line the parser accepted and ran.
     *
     * @param mode      the mode the user typed it in ({@code exec}, {@code config}, {@code config-if} …)
     * @param privilege the session's privilege level when typed
     * @param vty       the vty line of the session
     */
    record CommandEntered(String line, String mode, int privilege, String user, int vty) implements DeviceEvent {
        @Override
        public String type() {
            return "command";
        }
    }

    /**
     * A command line the parser refused, so that a script's typo shows in the log next to what it ran.
     *
     * @param mode      the mode the user typed it in
     * @param privilege the session's privilege level when typed
     * @param vty       the vty line of the session
     * @param error     what IOS said: {@code invalid}, {@code incomplete} or {@code ambiguous}
     */
    record CommandRejected(String line, String mode, int privilege, String user, int vty, String error)
            implements DeviceEvent {
        @Override
        public String type() {
            return "command-rejected";
        }
    }

    /**
     * A change of configuration: a configuration-mode line accepted ({@code saved} false), or the running
     * configuration saved to NVRAM by {@code write memory} / {@code copy running-config startup-config}
     * ({@code saved} true, {@code line} the command).
     */
    record ConfigChange(String line, String user, boolean saved) implements DeviceEvent {
        @Override
        public String type() {
            return "config-change";
        }
    }

    /**
     * A finished transfer to or from a server.
     *
     * @param url      the URL with the user kept and the password left out ({@code ftp://admin@10.1.1.1/x.bin})
     * @param protocol {@code ftp}, {@code tftp} or {@code scp}
     * @param bytes    bytes moved, also when the transfer failed part-way
     * @param seconds  how long it took
     * @param result   {@code ok}, or IOS's reason for the failure ({@code Timed out}, {@code Permission denied})
     */
    record Transfer(String url, Direction direction, String protocol, long bytes, double seconds, String result)
            implements DeviceEvent {
        public Transfer {
            Objects.requireNonNull(direction, "direction");
        }

        public boolean ok() {
            return "ok".equals(result);
        }

        @Override
        public String type() {
            return "transfer";
        }
    }

    /**
     * An image signature check that finished.
     *
     * @param result {@code valid}, or what was wrong ({@code invalid-signature}, {@code revoked-key} …)
     * @param signer the signer's certificate common name, empty when no envelope could be read
     */
    record Verification(String file, String result, String signer) implements DeviceEvent {
        @Override
        public String type() {
            return "verification";
        }
    }

    /**
     * The device restarted or changed power state.
     *
     * @param kind {@code reload}, {@code power-cycle}, {@code stop}, {@code start}, {@code reset} or {@code boot}
     */
    record Reload(String reason, String kind) implements DeviceEvent {
        @Override
        public String type() {
            return "reload";
        }
    }

    /** An injected fault acted on this device. */
    record FaultFired(String faultId, String kind, String faultType, String detail) implements DeviceEvent {
        @Override
        public String type() {
            return "fault-fired";
        }
    }
}
