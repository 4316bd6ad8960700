package dev.ioslab.device;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a device is: its chassis model, CPU board, memory, serial number, ROM monitor, built-in interfaces and
 * the image it runs when nothing else was booted. Immutable; one per device.
 */
public record Platform(String family, String model, String cpuBoard, long mainMemoryKb, long ioMemoryKb,
                       String serial, String romVersion, long nvramBytes, List<String> physicalInterfaces,
                       Map<String, Long> flashSizes, BootImage defaultImage) {

    /** Flash sizes of the C3900 class as real boxes report them, in bytes. */
    public static final Map<String, Long> C3900_FLASH = orderedSizes(
            "flash0", 256487424L, "flash1", 256487424L, "usbflash0", 1006632960L, "usbflash1", 1006632960L);

    public Platform {
        physicalInterfaces = List.copyOf(physicalInterfaces);
        flashSizes = Collections.unmodifiableMap(new LinkedHashMap<>(flashSizes));
    }

    private static Map<String, Long> orderedSizes(Object... pairs) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Long) pairs[i + 1]);
        }
        return m;
    }

    /** The C3900-class ISR G2 the shipped configuration describes. */
    public static Platform c3900(String serial) {
        return new Platform("C3900", "CISCO3945-CHASSIS", "C3900-SPE150/K9", 2027520, 69632, serial,
                "15.0(1r)M13", 262136,
                List.of("GigabitEthernet0/0", "GigabitEthernet0/1", "GigabitEthernet0/2"), C3900_FLASH,
                new BootImage("flash0:c3900-universalk9-mz.SPA.157-3.M8.bin", "C3900-UNIVERSALK9-M", "15.7(3)M8",
                        "Thu 13-Feb-20 02:38", "fc4"));
    }

    /** The short form IOS writes as {@code version 15.7} at the top of the configuration. */
    public static String configVersion(String version) {
        int paren = version.indexOf('(');
        return paren > 0 ? version.substring(0, paren) : version;
    }
}
