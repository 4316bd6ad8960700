package dev.ioslab.config;

import java.util.Objects;

/**
 * One flash file system of a device, such as {@code flash0} or {@code usbflash0}; IOS shows it as
 * {@code flash0:} and {@code dir} reports its capacity.
 *
 * @param name      file system name without the colon
 * @param sizeBytes capacity in bytes
 */
public record FlashSpec(String name, long sizeBytes) {

    public FlashSpec {
        Objects.requireNonNull(name, "name");
    }
}
