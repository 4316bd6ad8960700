package dev.ioslab.transfer.ftp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real vsftpd (Debian's package) on 127.0.0.1, started in the foreground with a config written into a temp folder:
 * anonymous read-only on {@code anon/} (plus {@code anon/incoming/} writable when asked, for benchmarks), and the
 * local user {@value #LOCAL_USER} chrooted to {@code local/} with write access when that user exists. Needs root
 * (PAM, chroot). {@link #close()} stops the process and its session children and deletes the folder.
 */
final class Vsftpd implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/vsftpd");
    /** The account {@code .ci/run} creates: {@code useradd -m -s /bin/sh ioslabftp}, password {@code ioslabftp}. */
    static final String LOCAL_USER = "ioslabftp";
    static final String LOCAL_PASSWORD = "ioslabftp";

    private final Path folder;
    private final Process process;
    private final int port;

    private Vsftpd(Path folder, Process process, int port) {
        this.folder = folder;
        this.process = process;
        this.port = port;
    }

    /** Why vsftpd cannot run here, or empty when it can. */
    static String unavailableReason() {
        if (!Files.isExecutable(BINARY)) {
            return BINARY + " is missing (Debian package vsftpd)";
        }
        try {
            if (!Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"))) {
                return "vsftpd needs root for PAM logins and chroot";
            }
        } catch (IOException | UnsupportedOperationException unknown) {
            return "cannot tell whether this runs as root: " + unknown;
        }
        return "";
    }

    /** Whether the local user exists ({@code id ioslabftp}). */
    static boolean hasLocalUser() {
        try {
            Process id = new ProcessBuilder("id", LOCAL_USER).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return id.waitFor(10, TimeUnit.SECONDS) && id.exitValue() == 0;
        } catch (IOException failure) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Vsftpd start(boolean anonymousUpload) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("ioslab-vsftpd-");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path anon = Files.createDirectories(folder.resolve("anon"));
        Path local = Files.createDirectories(folder.resolve("local"));
        Path empty = Files.createDirectories(folder.resolve("empty"));
        for (Path dir : List.of(anon, local, empty)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        boolean localUser = hasLocalUser();
        if (localUser) {
            Files.setOwner(local, owner(LOCAL_USER));
        }
        if (anonymousUpload) {
            Path incoming = Files.createDirectories(anon.resolve("incoming"));
            Files.setOwner(incoming, owner("ftp"));
        }
        int port = freePort();
        int passive = freePort();
        List<String> config = new ArrayList<>(List.of(
                "listen=YES", "listen_ipv6=NO", "listen_address=127.0.0.1", "listen_port=" + port,
                "background=NO", "seccomp_sandbox=NO", "isolate=NO", "isolate_network=NO",
                "anonymous_enable=YES", "anon_root=" + anon, "no_anon_password=YES",
                "anon_upload_enable=" + yes(anonymousUpload), "anon_mkdir_write_enable=NO",
                "anon_umask=022", "write_enable=YES",
                "local_enable=" + yes(localUser), "local_root=" + local, "chroot_local_user=YES",
                "allow_writeable_chroot=YES", "local_umask=022", "pam_service_name=vsftpd",
                "delay_failed_login=0", "delay_successful_login=0",
                "pasv_enable=YES", "pasv_min_port=" + passive, "pasv_max_port=" + Math.min(65535, passive + 20),
                "port_enable=YES", "connect_from_port_20=NO",
                "secure_chroot_dir=" + empty, "xferlog_enable=NO", "userlist_enable=NO",
                "max_clients=0", "max_per_ip=0", "idle_session_timeout=120", "data_connection_timeout=120"));
        Path conf = folder.resolve("vsftpd.conf");
        Files.write(conf, config);
        Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-------"));
        Process process = new ProcessBuilder(BINARY.toString(), conf.toString()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("vsftpd.out").toFile()).start();
        Vsftpd server = new Vsftpd(folder, process, port);
        server.awaitListening();
        return server;
    }

    int port() {
        return port;
    }

    /** Anonymous root: the files put here are served read-only to {@code anonymous}. */
    Path anonymousRoot() {
        return folder.resolve("anon");
    }

    /** The local user's chroot, where it may write. */
    Path localRoot() {
        return folder.resolve("local");
    }

    @Override
    public void close() throws IOException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("vsftpd exited at start: " + Files.readString(folder.resolve("vsftpd.out")));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(FtpRequests.LOOPBACK, port), 1000);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("vsftpd does not listen on " + port, notYet);
                }
                // vsftpd binds within milliseconds of starting; poll until it does.
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
        }
    }

    private static UserPrincipal owner(String name) throws IOException {
        return Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, FtpRequests.LOOPBACK)) {
            return probe.getLocalPort();
        }
    }

    private static String yes(boolean on) {
        return on ? "YES" : "NO";
    }
}
