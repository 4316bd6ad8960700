package dev.ioslab.config;

import java.util.List;
import java.util.Objects;

/**
 * The hardware a device pretends to be: what {@code show version}, {@code show inventory} and {@code dir} report.
 * Defaults are those of a Cisco 3945 (C3900 family) as it ships.
 *
 * @param model            chassis model, one of {@link #MODELS}; default {@code CISCO3945-CHASSIS}
 * @param processorBoardId the chassis serial number; by default derived from the device name, so it is stable
 *                         across restarts and differs between devices
 * @param mainMemoryKb     main memory in KB ({@code show version}: "with 2027520K/69632K bytes of memory")
 * @param ioMemoryKb       I/O memory in KB
 * @param flash            flash file systems in the order {@code show file systems} lists them
 * @param nvramBytes       NVRAM capacity in bytes (holds {@code startup-config})
 */
public record PlatformSpec(
        String model,
        String processorBoardId,
        long mainMemoryKb,
        long ioMemoryKb,
        List<FlashSpec> flash,
        long nvramBytes) {

    /** The chassis models ioslab emulates: the C3900 family, which its signed images target. */
    public static final List<String> MODELS =
            List.of("CISCO3925-CHASSIS", "CISCO3945-CHASSIS", "CISCO3925E-CHASSIS", "CISCO3945E-CHASSIS");
    /** Default {@link #model()}. */
    public static final String DEFAULT_MODEL = "CISCO3945-CHASSIS";
    /** Default {@link #mainMemoryKb()}, as a 3945 with 2 GB reports it. */
    public static final long DEFAULT_MAIN_MEMORY_KB = 2_027_520;
    /** Default {@link #ioMemoryKb()}. */
    public static final long DEFAULT_IO_MEMORY_KB = 69_632;
    /** Default {@link #nvramBytes()}, what {@code dir nvram:} shows as total on a 3945. */
    public static final long DEFAULT_NVRAM_BYTES = 262_136;
    /** Default {@link #flash()}: two compact flash cards and two USB sticks, with real-looking capacities. */
    public static final List<FlashSpec> DEFAULT_FLASH = List.of(
            new FlashSpec("flash0", 256_487_424),
            new FlashSpec("flash1", 256_487_424),
            new FlashSpec("usbflash0", 1_031_798_784),
            new FlashSpec("usbflash1", 1_031_798_784));

    public PlatformSpec {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(processorBoardId, "processorBoardId");
        flash = List.copyOf(flash);
    }
}
