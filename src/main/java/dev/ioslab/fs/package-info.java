/**
 * IOS file systems and IOS URLs: the device's table of file systems ({@code flash0:}, {@code usbflash0:},
 * {@code nvram:}, {@code system:}, {@code tftp:} ...), folder-backed storage with exact capacity accounting,
 * atomic writes (hidden temp file, fsync, rename) and path checks that never let a user path leave its root;
 * plus the parser for {@code fs:path}, {@code ftp://user:password@host/path} and friends. Host failures become
 * IOS causes in one place ({@link dev.ioslab.fs.HostFailureCause}); storage faults are injected through the
 * {@link dev.ioslab.fs.WriteChannelOpener} seam this package declares, a pinned free space (a full flash)
 * through its {@link dev.ioslab.fs.SpacePin}.
 *
 * <p>Threading: every type is safe for concurrent use by many sessions. Namespace changes (commit, delete,
 * rename, mkdir) do short blocking local-disk I/O and serialise per file system.
 * {@link dev.ioslab.fs.AtomicWrite#write} does one blocking {@code FileChannel} write and otherwise waits only on
 * a monitor held for arithmetic, so it may be called from an event loop; {@code commit()} fsyncs and belongs on a
 * worker.
 */
package dev.ioslab.fs;
