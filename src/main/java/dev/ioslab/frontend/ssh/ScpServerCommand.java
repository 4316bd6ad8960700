package dev.ioslab.frontend.ssh;

import dev.ioslab.cli.SessionInfo;
import dev.ioslab.fs.FileEntry;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.FsPath;
import dev.ioslab.transfer.TransferFault;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.scp.common.ScpHelper;
import org.apache.sshd.scp.common.ScpTransferEventListener;
import org.apache.sshd.scp.common.helpers.ScpAckInfo;
import org.apache.sshd.server.command.AbstractCommandSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SCP exec channel ({@code scp -t …} or {@code scp -f …}): checks that the SCP server is enabled and that the
 * user has privilege 15, then lets MINA's {@link ScpHelper} speak the protocol over the device's flash through a
 * {@link FlashScpFileOpener}. Refusals and failures reach the client as an SCP error line, {@code \001<message>\n}
 * (IOS XE sends {@code \001Privilege denied.}), with exit status 1; the channel never carries anything but SCP
 * protocol bytes.
 *
 * <p>Threading: {@code ScpHelper} reads and writes the channel with blocking streams, so, as MINA's own
 * {@code ScpCommand} does, the command runs on a thread of its own that MINA starts at {@code start} and interrupts
 * and stops when the channel closes; no SSH I/O thread ever waits for it. A rack sees one such thread per SCP
 * transfer in progress, none when idle.
 */
final class ScpServerCommand extends AbstractCommandSupport {

    /** What IOS XE answers a user it does not let copy (reference §5.9). */
    static final String PRIVILEGE_DENIED = "Privilege denied.";
    static final String SERVER_DISABLED = "%Error: SCP server is not enabled (ip scp server enable)";
    static final int PRIVILEGE_REQUIRED = 15;

    private static final Logger LOG = LoggerFactory.getLogger(ScpServerCommand.class);
    private static final int SUCCEEDED = 0;
    private static final int FAILED = 1;
    /** Copy buffer per direction; 32 KiB matches the SSH packet size MINA and OpenSSH use. */
    private static final int BUFFER_SIZE = 32 * 1024;

    private final ScpTarget target;
    private final SessionInfo login;
    private final ScpRequest request;
    /** Bytes committed to flash or sent from it, for the transfer's event. */
    private long moved;

    /**
     * @param commandLine the exec line as the client sent it; it also names MINA's thread for this command
     */
    ScpServerCommand(ScpTarget target, SessionInfo login, ScpRequest request, String commandLine) {
        // No executor given: MINA creates a single-thread one for this command and shuts it down on destroy.
        super(commandLine, null);
        this.target = target;
        this.login = login;
        this.request = request;
    }

    @Override
    public void run() {
        int status = FAILED;
        long started = System.nanoTime();
        String result = "ok";
        try {
            serve();
            status = SUCCEEDED;
        } catch (ScpFailure e) {
            result = e.getMessage();
            Optional<FsException> storage = e.storageFailure();
            if (storage.isPresent()) {
                logStorageFailure(storage.get());
            } else {
                LOG.info("SCP on {} by {} from {} failed: {} ({})", target.deviceName(), login.user(),
                        login.remote(), e.getMessage(), printable(getCommand()));
            }
            report(e.getMessage());
            if (e.isStatusOfSentFile()) {
                awaitClientAnswer();
            }
        } catch (InterruptedIOException e) {
            result = "Aborted";
            LOG.info("SCP on {} by {} from {} ended: channel closed ({})", target.deviceName(), login.user(),
                    login.remote(), printable(getCommand()));
        } catch (IOException e) {
            // ScpHelper's protocol errors (bad header, EOF where an ack was due): the client misbehaved or left.
            LOG.info("SCP on {} by {} from {} failed: {} ({})", target.deviceName(), login.user(), login.remote(),
                    printable(e.toString()), printable(getCommand()));
            report("%Error: " + e.getMessage());
            result = "%Error: " + e.getMessage();
        } catch (RuntimeException e) {
            result = "%Error: internal error";
            LOG.warn("SCP on {} by {} from {} failed unexpectedly ({})", target.deviceName(), login.user(),
                    login.remote(), printable(getCommand()), e);
            report("%Error: internal error");
        } finally {
            if (!request.path().isEmpty() && request.direction() != ScpRequest.Direction.NONE) {
                target.transferred(request.path(), request.direction() == ScpRequest.Direction.TO_DEVICE, moved,
                        (System.nanoTime() - started) / 1e9, result);
            }
            onExit(status);
        }
    }

    private void serve() throws IOException {
        if (!target.scpEnabled()) {
            throw new ScpFailure(SERVER_DISABLED);
        }
        if (target.sessionPrivilege(login.privilege()) < PRIVILEGE_REQUIRED) {
            throw new ScpFailure(PRIVILEGE_DENIED);
        }
        if (request.direction() == ScpRequest.Direction.NONE) {
            throw new ScpFailure("%Error: scp needs exactly one of -t (to the device) or -f (from the device)");
        }
        if (request.recursive()) {
            throw new ScpFailure("%Error: recursive copy (scp -r) is not supported");
        }
        if (request.path().isEmpty()) {
            throw new ScpFailure("%Error: no file name given");
        }
        FsPath path;
        try {
            path = target.fileSystems().resolve(request.path(), null);
        } catch (FsException e) {
            throw new ScpFailure(request.direction() == ScpRequest.Direction.TO_DEVICE
                    ? ScpFailure.copying(e) : ScpFailure.opening(e), e);
        }
        LOG.debug("SCP on {} by {} from {}: {} {}", target.deviceName(), login.user(), login.remote(),
                request.direction(), path);
        List<TransferFault> faults = ScpFaults.before(target, request, path);
        SenderStatusInput in = new SenderStatusInput(getInputStream());
        String requested = request.path();
        String sentName = requested.substring(requested.lastIndexOf('/') + 1);
        try (FlashScpFileOpener opener = new FlashScpFileOpener(target, in, sentName, faults)) {
            ScpHelper helper = new ScpHelper(getServerSession(), in, getOutputStream(), null, opener,
                    ScpTransferEventListener.EMPTY);
            if (request.direction() == ScpRequest.Direction.TO_DEVICE) {
                helper.receive(getCommand(), FlashScpFileOpener.pathOf(path), false, request.targetDirectory(),
                        request.preserve(), BUFFER_SIZE);
                for (FileEntry entry : opener.committed()) {
                    moved += entry.size();
                    LOG.info("SCP on {}: {} from {} wrote {} ({} bytes)", target.deviceName(), login.user(),
                            login.remote(), entry.path(), entry.size());
                }
            } else {
                helper.sendPaths(List.of(FlashScpFileOpener.pathOf(path)), false, request.preserve(), BUFFER_SIZE);
                moved = sentSize(path);
                LOG.info("SCP on {}: {} from {} read {}", target.deviceName(), login.user(), login.remote(), path);
            }
        }
    }

    private static long sentSize(FsPath path) {
        try {
            return path.fileSystem().stat(path).size();
        } catch (FsException e) {
            // The file went away after it was sent; the event then says 0 bytes.
            return 0;
        }
    }

    /** One WARN line per storage failure: device, IOS path, user, IOS cause, and the host's own words. */
    private void logStorageFailure(FsException failure) {
        Throwable host = failure.getCause();
        LOG.warn("SCP on {} by {} from {}: {} {} failed: {}{}", target.deviceName(), login.user(), login.remote(),
                request.direction() == ScpRequest.Direction.TO_DEVICE ? "writing" : "reading", failure.path(),
                failure.error().reason(), host == null ? "" : " (host: " + printable(host.getMessage() == null
                        ? host.toString() : host.getMessage()) + ")");
    }

    /** The line as a log may show it: a client could put line breaks in it to forge log lines. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(c < 0x20 || c == 0x7f ? '?' : (char) c));
        return out.toString();
    }

    /** Sends {@code \001message\n}; a client that already left gets nothing. */
    /**
     * Reads the client's answer to a file status (its {@code \0}, or its own error) before the channel closes: a
     * client that finds the connection gone while answering prints "lost connection" over the real cause. The
     * client answers or closes; either ends the read.
     */
    private void awaitClientAnswer() {
        try {
            getInputStream().read();
        } catch (IOException e) {
            LOG.debug("SCP on {}: no answer to the file status: {}", target.deviceName(), e.toString());
        }
    }

    private void report(String message) {
        try {
            // One line: a line break inside would end the error early and leave garbage in the stream.
            ScpAckInfo.sendAck(getOutputStream(), StandardCharsets.UTF_8, ScpAckInfo.WARNING, printable(message));
        } catch (IOException e) {
            LOG.debug("SCP on {}: could not send '{}': {}", target.deviceName(), message, e.toString());
        }
    }
}
