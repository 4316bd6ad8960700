package dev.ioslab.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real tmpfs of a few MiB mounted on a test's folder, so that a test meets a host disk that really fills up
 * ({@code ENOSPC} from the kernel, not from a seam). Needs root and {@code mount}; CI runs as root. Tests are
 * skipped with a clear message elsewhere.
 */
public final class SmallTmpfs implements AutoCloseable {

    private final Path mountPoint;

    private SmallTmpfs(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code megabytes} MiB on {@code mountPoint} (created), or skips the calling test. */
    public static SmallTmpfs mount(Path mountPoint, int megabytes) throws IOException, InterruptedException {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "mounting a small tmpfs needs root (CI runs as root)");
        Files.createDirectories(mountPoint);
        int exit = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", mountPoint.toString());
        assumeTrue(exit == 0, "mount -t tmpfs failed (exit " + exit + "); no small disk to fill");
        return new SmallTmpfs(mountPoint);
    }

    public Path root() {
        return mountPoint;
    }

    /** Bytes a new file may still take, as the JDK reports them. */
    public long usable() throws IOException {
        return Files.getFileStore(mountPoint).getUsableSpace();
    }

    /**
     * Fills the disk with {@code filler}: to the last byte (until the kernel answers {@code ENOSPC}) when
     * {@code keepFree} is 0, else until about {@code keepFree} bytes are left.
     */
    public void fill(Path filler, long keepFree) throws IOException {
        byte[] chunk = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (keepFree == 0 || usable() > keepFree + chunk.length) {
                out.write(chunk);
                out.flush();
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
    }

    /** Remounts the disk read-only, as a host does after an error: every write then fails with {@code EROFS}. */
    public void remountReadOnly() throws IOException, InterruptedException {
        int exit = run("mount", "-o", "remount,ro", mountPoint.toString());
        if (exit != 0) {
            throw new IOException("remounting " + mountPoint + " read-only failed with exit " + exit);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        int exit = run("umount", "-l", mountPoint.toString());
        if (exit != 0) {
            throw new IOException("umount " + mountPoint + " failed with exit " + exit);
        }
    }

    private static int run(String... argv) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
