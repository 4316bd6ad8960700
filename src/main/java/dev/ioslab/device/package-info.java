/**
 * Virtual devices: identity, platform, running and startup configuration, credentials and terminal lines, and the
 * {@link dev.ioslab.device.DeviceEvent} family they publish through {@link dev.ioslab.device.DeviceEvents}; boot
 * faults are planned through the {@link dev.ioslab.device.BootFaults} seam declared here.
 * Threading: a device is shared by all its sessions; its state is guarded by its own locks, nothing here blocks on
 * I/O except the atomic NVRAM write, and nothing here knows about the CLI.
 */
package dev.ioslab.device;
