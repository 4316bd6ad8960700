package dev.ioslab.device;

/**
 * The image a device is running: the path it was booted from as written ({@code flash0:x.bin}), the image
 * name and version {@code show version} prints, its compile date and release tag. Immutable.
 */
public record BootImage(String path, String imageName, String version, String compiled, String release) {
}
