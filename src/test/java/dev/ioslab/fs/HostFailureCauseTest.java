package dev.ioslab.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import org.junit.jupiter.api.Test;

class HostFailureCauseTest {

    @Test
    void channelWriteMessagesMapToIosCauses() {
        assertThat(HostFailureCause.of(new IOException("No space left on device")))
                .isEqualTo(FsError.NOT_ENOUGH_SPACE);
        assertThat(HostFailureCause.of(new IOException("Disk quota exceeded"))).isEqualTo(FsError.NOT_ENOUGH_SPACE);
        assertThat(HostFailureCause.of(new IOException("Read-only file system"))).isEqualTo(FsError.READ_ONLY);
        assertThat(HostFailureCause.of(new IOException("Input/output error"))).isEqualTo(FsError.IO_ERROR);
    }

    @Test
    void fileSystemExceptionReasonWinsOverItsFileName() {
        FileSystemException full = new FileSystemException("/var/devices/r1/flash0/.ioslab-1", null,
                "No space left on device");
        FileSystemException readOnly = new FileSystemException("/var/devices/r1/nvram/read-only file system",
                null, "Input/output error");

        assertThat(HostFailureCause.of(full)).isEqualTo(FsError.NOT_ENOUGH_SPACE);
        assertThat(HostFailureCause.of(readOnly)).isEqualTo(FsError.IO_ERROR);
        assertThat(full.getReason()).isEqualTo(HostFailure.NO_SPACE.strerror());
    }

    @Test
    void wrappedCausesAreFound() {
        IOException wrapped = new IOException("write failed", new IOException("No space left on device"));
        UncheckedIOException unchecked = new UncheckedIOException(new IOException("Read-only file system"));

        assertThat(HostFailureCause.of(wrapped)).isEqualTo(FsError.NOT_ENOUGH_SPACE);
        assertThat(HostFailureCause.of(unchecked)).isEqualTo(FsError.READ_ONLY);
    }

    @Test
    void missingOrUnwritableFolderGetsAPreciseCause() {
        assertThat(HostFailureCause.of(new NoSuchFileException("/var/devices/r1/flash0")))
                .isEqualTo(FsError.NO_SUCH_FILE);
        assertThat(HostFailureCause.of(new AccessDeniedException("/var/devices/r1/flash0")))
                .isEqualTo(FsError.PERMISSION_DENIED);
        assertThat(HostFailureCause.of(new IOException("Permission denied"))).isEqualTo(FsError.PERMISSION_DENIED);
    }

    @Test
    void unknownFailureIsAnIoErrorAndKeepsItsCause() {
        IOException odd = new IOException("Stale file handle");
        FsException mapped = HostFailureCause.exception("flash0:/x.bin", odd);

        assertThat(mapped.error()).isEqualTo(FsError.IO_ERROR);
        assertThat(mapped.getMessage()).isEqualTo("flash0:/x.bin (I/O error)");
        assertThat(mapped.getCause()).isSameAs(odd);
        assertThat(HostFailureCause.of(new IOException((String) null))).isEqualTo(FsError.IO_ERROR);
    }

    @Test
    void everyInjectableFailureMapsAsTheRealOneDoes() {
        assertThat(HostFailureCause.of(HostFailure.NO_SPACE.onChannel())).isEqualTo(FsError.NOT_ENOUGH_SPACE);
        assertThat(HostFailureCause.of(HostFailure.QUOTA_EXCEEDED.onChannel())).isEqualTo(FsError.NOT_ENOUGH_SPACE);
        assertThat(HostFailureCause.of(HostFailure.READ_ONLY.onFile(java.nio.file.Path.of("/x"))))
                .isEqualTo(FsError.READ_ONLY);
        assertThat(HostFailureCause.of(HostFailure.IO_ERROR.onChannel())).isEqualTo(FsError.IO_ERROR);
    }
}
