package dev.ioslab.daemon;

import dev.ioslab.config.DeviceSpec;
import dev.ioslab.config.IoslabConfig;
import java.util.List;
import picocli.CommandLine;

/**
 * One of {@code count} disjoint slices of the rack ({@code --shard K/N}), so the same configuration file runs
 * unchanged on N hosts or pods and each hosts its own devices. Slices are contiguous runs of the devices in file
 * order (after template expansion), as even as possible: shard K of N holds devices
 * {@code [K·total/N, (K+1)·total/N)}. K counts from 0, as a StatefulSet's pod ordinal does.
 *
 * @param index which slice, {@code 0 <= index < count}
 * @param count how many slices
 */
record Shard(int index, int count) {

    /** The whole rack: {@code 0/1}. */
    static final Shard ALL = new Shard(0, 1);

    Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " does not exist; write K/N with "
                    + "N at least 1 and K from 0 to N-1 (a pod's ordinal), such as 0/4");
        }
    }

    /** Parses {@code K/N}. */
    static Shard parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 1 || slash == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not a shard; write K/N, such as 0/4");
        }
        try {
            return new Shard(Integer.parseInt(text.substring(0, slash).strip()),
                    Integer.parseInt(text.substring(slash + 1).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a shard; K and N are whole numbers, such as 0/4",
                    e);
        }
    }

    /** This shard's devices out of {@code devices}, in order. */
    List<DeviceSpec> select(List<DeviceSpec> devices) {
        int total = devices.size();
        int from = (int) ((long) index * total / count);
        int to = (int) ((long) (index + 1) * total / count);
        return devices.subList(from, to);
    }

    /** {@code config} with only this shard's devices (the whole configuration for {@link #ALL}). */
    IoslabConfig apply(IoslabConfig config) {
        return count == 1 ? config : new IoslabConfig(config.daemon(), select(config.devices()),
                config.imageRepository(), config.transfers());
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }

    /** picocli's conversion of {@code --shard K/N}. */
    static final class Converter implements CommandLine.ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
