package dev.ioslab.control;

import dev.ioslab.device.Device;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The {@link RackView} of tests: the devices a supplier lists at each call, found by name. */
public record ListedRack(Supplier<List<Device>> listed) implements RackView {

    /** A rack of exactly these devices. */
    public static ListedRack of(Device... devices) {
        List<Device> fixed = List.of(devices);
        return new ListedRack(() -> fixed);
    }

    @Override
    public List<Device> devices() {
        return listed.get();
    }

    @Override
    public Optional<Device> device(String name) {
        return devices().stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
