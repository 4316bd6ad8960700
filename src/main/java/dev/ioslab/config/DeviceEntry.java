package dev.ioslab.config;

import java.util.ArrayList;
import java.util.List;

/**
 * One checked entry of the {@code devices:} list, before template expansion, with the positions later checks point
 * at. A plain entry expands to itself.
 *
 * @param path             the entry's field path, {@code devices[2]}
 * @param name             the name, with {@code {n}} when this is a template
 * @param namePosition     where the name is written
 * @param platform         hardware; its {@code processorBoardId} is empty when each device derives its own
 * @param address          the (first) address
 * @param addressPosition  where the address is written, or the entry itself when it is inherited
 * @param sshPort          the (first) SSH port, or {@link #PORT_UNSET}
 * @param sshPortPosition  where the SSH port is written
 * @param telnetPort       the (first) Telnet port, or {@link #PORT_UNSET}
 * @param telnetPosition   where the Telnet port is written
 * @param users            local users
 * @param enableSecret     enable secret or {@code null}
 * @param startupConfig    startup configuration lines, with {@code {n}} when this is a template
 * @param template         how to count, or {@code null} for a single device
 */
record DeviceEntry(
        String path,
        String name,
        YamlNode.Position namePosition,
        PlatformSpec platform,
        IpAddress address,
        YamlNode.Position addressPosition,
        int sshPort,
        YamlNode.Position sshPortPosition,
        int telnetPort,
        YamlNode.Position telnetPosition,
        List<UserSpec> users,
        String enableSecret,
        List<String> startupConfig,
        Template template) {

    /** The placeholder a template replaces with each device's number. */
    static final String NUMBER_PLACEHOLDER = "{n}";
    /** Stands for a port whose value was invalid (and reported); such a port opens no listener. */
    static final int PORT_UNSET = 0;

    /**
     * The counting part of a template entry.
     *
     * @param count  how many devices
     * @param first  the number of the first device
     * @param countUp what differs between devices besides the name
     */
    record Template(int count, long first, CountUp countUp) {
    }

    /** One device of this entry together with where it came from, for messages about clashes. */
    record Placed(DeviceSpec spec, IpAddress address, DeviceEntry entry, long number) {

        /** {@code devices[0] (template, n=5) 'r5'} or {@code devices[1] 'core'}. */
        String describe() {
            return entry.path() + (entry.template() == null ? "" : " (template, n=" + number + ")") + " '"
                    + spec.name() + "'";
        }
    }

    /**
     * The devices of this entry. The caller has checked that counting stays inside the port and address ranges.
     */
    List<Placed> expand(ProcessorBoardIdGenerator boardIds) {
        if (template == null) {
            String boardId = platform.processorBoardId().isEmpty() ? boardIds.derive(name)
                    : platform.processorBoardId();
            DeviceSpec spec = new DeviceSpec(name, withBoardId(boardId), address.toString(), sshPort, telnetPort,
                    users, enableSecret, startupConfig);
            return List.of(new Placed(spec, address, this, -1));
        }
        List<Placed> devices = new ArrayList<>(template.count());
        for (int i = 0; i < template.count(); i++) {
            long number = template.first() + i;
            String deviceName = name.replace(NUMBER_PLACEHOLDER, Long.toString(number));
            boolean portsCount = template.countUp() == CountUp.PORTS;
            IpAddress deviceAddress = portsCount ? address : address.plus(i);
            List<String> lines = startupConfig.stream()
                    .map(line -> line.replace(NUMBER_PLACEHOLDER, Long.toString(number)))
                    .toList();
            DeviceSpec spec = new DeviceSpec(deviceName, withBoardId(boardIds.derive(deviceName)),
                    deviceAddress.toString(), count(sshPort, portsCount ? i : 0),
                    count(telnetPort, portsCount ? i : 0), users, enableSecret, lines);
            devices.add(new Placed(spec, deviceAddress, this, number));
        }
        return devices;
    }

    private static int count(int port, int steps) {
        return port == PORT_UNSET ? PORT_UNSET : port + steps;
    }

    private PlatformSpec withBoardId(String boardId) {
        return new PlatformSpec(platform.model(), boardId, platform.mainMemoryKb(), platform.ioMemoryKb(),
                platform.flash(), platform.nvramBytes());
    }
}
