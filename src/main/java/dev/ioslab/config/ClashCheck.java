package dev.ioslab.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks what no single entry can check alone: that device names are unique and that no two listeners (device SSH
 * and Telnet, image repository FTP and TFTP, the control API) share an address and port. A template that clashes
 * clashes for many of its devices, so clashes are reported once per pair of fields with a count, not once per device.
 * One instance per load.
 */
final class ClashCheck {

    private final ProblemList problems;

    ClashCheck(ProblemList problems) {
        this.problems = problems;
    }

    /** A clash between two fields, with the first instance spelled out and how many more there were. */
    private static final class Clash {
        private final YamlNode.Position position;
        private final String fieldPath;
        private final String message;
        private int more;

        Clash(YamlNode.Position position, String fieldPath, String message) {
            this.position = position;
            this.fieldPath = fieldPath;
            this.message = message;
        }
    }

    /** One listening socket and the field that asked for it. */
    private record Listener(IpAddress address, int port, String owner, String fieldPath, YamlNode.Position position) {

        String endpoint() {
            return (address.ipv6() ? "[" + address + "]" : address.toString()) + ":" + port;
        }
    }

    /**
     * Device names must be unique ignoring case: {@code R1} and {@code r1} would share {@code var/devices/r1/} on a
     * case-insensitive file system.
     */
    void checkNames(List<DeviceEntry.Placed> devices) {
        Map<String, DeviceEntry.Placed> byName = new HashMap<>();
        Map<String, Clash> clashes = new LinkedHashMap<>();
        for (DeviceEntry.Placed device : devices) {
            DeviceEntry.Placed earlier = byName.putIfAbsent(device.spec().name().toLowerCase(Locale.ROOT), device);
            if (earlier != null) {
                String fieldPath = device.entry().path() + ".name";
                record(clashes, fieldPath + "|" + earlier.entry().path(), device.entry().namePosition(), fieldPath,
                        "duplicate device name: " + device.describe() + " has the name of " + earlier.describe()
                                + " (names are compared ignoring case)");
            }
        }
        report(clashes, "names");
    }

    /**
     * No two listeners may share a port on the same address, and a wildcard address (0.0.0.0, ::) clashes with
     * every address on that port. The TFTP port is UDP, but it is checked with the TCP ports all the same so an
     * endpoint always means one service.
     */
    void checkListeners(List<DeviceEntry.Placed> devices, ImageRepositoryBinder.Bound imageRepository,
            ControlBinder.Bound control) {
        checkListeners(devices, imageRepository, control, List.of());
    }

    /** A shared listener's socket ({@code daemon.sharedListeners}), checked like any other. */
    record SharedPort(IpAddress address, int port, String key, YamlNode.Position position) {
    }

    /** As above, with the shared listeners' sockets claimed first. */
    void checkListeners(List<DeviceEntry.Placed> devices, ImageRepositoryBinder.Bound imageRepository,
            ControlBinder.Bound control, List<SharedPort> shared) {
        Map<Integer, Map<IpAddress, Listener>> byPort = new HashMap<>();
        Map<Integer, Listener> wildcardByPort = new HashMap<>();
        Map<String, Clash> clashes = new LinkedHashMap<>();
        for (SharedPort port : shared) {
            String field = "daemon.sharedListeners." + port.key();
            claim(new Listener(port.address(), port.port(), field, field, port.position()), byPort, wildcardByPort,
                    clashes);
        }
        ImageRepositorySettings repository = imageRepository.settings();
        if (repository.enabled() && imageRepository.addressValid()) {
            claim(new Listener(imageRepository.address(), repository.ftpPort(), "imageRepository.ftpPort",
                    "imageRepository.ftpPort", imageRepository.ftpPosition()), byPort, wildcardByPort, clashes);
            claim(new Listener(imageRepository.address(), repository.tftpPort(), "imageRepository.tftpPort",
                    "imageRepository.tftpPort", imageRepository.tftpPosition()), byPort, wildcardByPort, clashes);
        }
        if (control.settings().enabled() && control.addressValid()) {
            claim(new Listener(control.address(), control.settings().port(), "control.port", "control.port",
                    control.portPosition()), byPort, wildcardByPort, clashes);
        }
        for (DeviceEntry.Placed device : devices) {
            DeviceEntry entry = device.entry();
            claim(new Listener(device.address(), device.spec().sshPort(), device.describe() + " sshPort",
                    entry.path() + ".sshPort", entry.sshPortPosition()), byPort, wildcardByPort, clashes);
            claim(new Listener(device.address(), device.spec().telnetPort(), device.describe() + " telnetPort",
                    entry.path() + ".telnetPort", entry.telnetPosition()), byPort, wildcardByPort, clashes);
        }
        report(clashes, "listeners");
    }

    /**
     * With shared listeners a device is told apart only by its address, so no two devices may share one; the image
     * repository keeps its own ports and is checked as usual.
     */
    void checkSharedAddresses(List<DeviceEntry.Placed> devices) {
        Map<IpAddress, DeviceEntry.Placed> byAddress = new HashMap<>();
        Map<String, Clash> clashes = new LinkedHashMap<>();
        for (DeviceEntry.Placed device : devices) {
            DeviceEntry.Placed earlier = byAddress.putIfAbsent(device.address(), device);
            if (earlier != null) {
                String fieldPath = device.entry().path() + ".address";
                record(clashes, fieldPath + "|" + earlier.entry().path(), device.entry().addressPosition(),
                        fieldPath, "address " + device.address() + " of " + device.describe() + " is already the "
                                + "address of " + earlier.describe() + "; with daemon.sharedListeners every device "
                                + "needs an address of its own");
            }
        }
        report(clashes, "addresses");
    }

    private void claim(Listener listener, Map<Integer, Map<IpAddress, Listener>> byPort,
            Map<Integer, Listener> wildcardByPort, Map<String, Clash> clashes) {
        if (listener.port() == DeviceEntry.PORT_UNSET) {
            return;
        }
        Map<IpAddress, Listener> onPort = byPort.computeIfAbsent(listener.port(), port -> new HashMap<>());
        Listener earlier = wildcardByPort.get(listener.port());
        if (earlier == null) {
            earlier = listener.address().isWildcard() && !onPort.isEmpty() ? onPort.values().iterator().next()
                    : onPort.get(listener.address());
        }
        if (earlier != null) {
            record(clashes, listener.fieldPath() + "|" + earlier.fieldPath(), listener.position(),
                    listener.fieldPath(), listener.endpoint() + " of " + listener.owner() + " is already taken by "
                            + earlier.owner() + " (" + earlier.endpoint() + "); every listener needs its own "
                            + "address and port");
            return;
        }
        onPort.put(listener.address(), listener);
        if (listener.address().isWildcard()) {
            wildcardByPort.put(listener.port(), listener);
        }
    }

    private static void record(Map<String, Clash> clashes, String key, YamlNode.Position position, String fieldPath,
            String message) {
        Clash clash = clashes.get(key);
        if (clash == null) {
            clashes.put(key, new Clash(position, fieldPath, message));
        } else {
            clash.more++;
        }
    }

    private void report(Map<String, Clash> clashes, String what) {
        for (Clash clash : clashes.values()) {
            String more = clash.more == 0 ? ""
                    : "; " + clash.more + " more " + what + " of the same entries clash the same way";
            problems.add(clash.position, clash.fieldPath, clash.message + more);
        }
    }
}
