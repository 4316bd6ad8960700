package dev.ioslab.device;

import java.util.List;

/**
 * What a device is: its chassis model, CPU board, memory, serial number, ROM monitor, built-in interfaces and
 * the image it runs when nothing else was booted. Immutable; one per device.
 */
public record Platform(String family, String model, String cpuBoard, long mainMemoryKb, long ioMemoryKb,
                       String serial, String romVersion, long nvramBytes, List<String> physicalInterfaces,
                       BootImage defaultImage) {

    public Platform {
        physicalInterfaces = List.copyOf(physicalInterfaces);
    }

    /** The C3900-class ISR G2 the shipped configuration describes. */
    public static Platform c3900(String serial) {
        return new Platform("C3900", "CISCO3945-CHASSIS", "C3900-SPE150/K9", 2027520, 69632, serial,
                "15.0(1r)M13", 262136,
                List.of("GigabitEthernet0/0", "GigabitEthernet0/1", "GigabitEthernet0/2"),
                new BootImage("flash0:c3900-universalk9-mz.SPA.157-3.M8.bin", "C3900-UNIVERSALK9-M", "15.7(3)M8",
                        "Thu 13-Feb-20 02:38", "fc4"));
    }

    /** The short form IOS writes as {@code version 15.7} at the top of the configuration. */
    public static String configVersion(String version) {
        int paren = version.indexOf('(');
        return paren > 0 ? version.substring(0, paren) : version;
    }
}
