package dev.ioslab.config;

import java.util.List;
import java.util.Objects;

/**
 * One virtual router: identity, hardware, where its SSH and Telnet listeners bind, who may log in, and the
 * configuration it starts with. A template in the file becomes many of these.
 *
 * @param name          device name, unique ignoring case; also its default hostname and its state folder
 *                      {@code var/devices/<name>/}
 * @param platform      hardware
 * @param address       IP address both listeners bind to
 * @param sshPort       SSH listener port
 * @param telnetPort    Telnet listener port
 * @param users         local users; empty means nobody can log in until one is configured
 * @param enableSecret  the {@code enable secret}, or {@code null} when none is configured
 * @param startupConfig IOS configuration lines applied only when the device has no startup-config yet
 */
public record DeviceSpec(
        String name,
        PlatformSpec platform,
        String address,
        int sshPort,
        int telnetPort,
        List<UserSpec> users,
        String enableSecret,
        List<String> startupConfig) {

    public DeviceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(address, "address");
        users = List.copyOf(users);
        startupConfig = List.copyOf(startupConfig);
    }

    /** Masks the enable secret (user secrets mask themselves) so a logged configuration never shows it. */
    @Override
    public String toString() {
        return "DeviceSpec[name=" + name + ", platform=" + platform + ", address=" + address + ", sshPort=" + sshPort
                + ", telnetPort=" + telnetPort + ", users=" + users + ", enableSecret="
                + (enableSecret == null ? "none" : "*****") + ", startupConfig=" + startupConfig.size() + " lines]";
    }
}
