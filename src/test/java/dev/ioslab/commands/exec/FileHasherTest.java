package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHasherTest {

    @TempDir
    Path dir;

    private FileChannel channel(byte[] bytes) throws Exception {
        Path file = Files.write(dir.resolve("f" + bytes.length), bytes);
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    @Test
    void streamsAcrossBufferBoundariesAndTicksPerMark() throws Exception {
        int b = FileHasher.BUFFER_BYTES;
        for (int size : new int[] {0, 1, b - 1, b, b + 1, 9 * b + 7}) {
            byte[] bytes = FsFixture.random(size, size);
            CountingInvocation inv = new CountingInvocation();
            byte[] digest = new FileHasher("MD5", new DotProgress(inv.proxy())).hash(channel(bytes), () -> false);
            assertThat(digest).as("size %d", size).isEqualTo(MessageDigest.getInstance("MD5").digest(bytes));
            assertThat(inv.dots()).as("dots for %d bytes", size).isEqualTo((int) (size / FileHasher.MARK_BYTES));
        }
    }

    @Test
    void stopsWhenTheSessionIsGone() throws Exception {
        FileChannel channel = channel(FsFixture.random(3 * FileHasher.BUFFER_BYTES, 1));
        CountingInvocation inv = new CountingInvocation();
        assertThatThrownBy(() -> new FileHasher("SHA-512", new DotProgress(inv.proxy())).hash(channel, () -> true))
                .isInstanceOf(CancellationException.class);
        assertThat(channel.isOpen()).isFalse();
    }

    /** A fake invocation that only records what is streamed: the hasher uses nothing else. */
    private static final class CountingInvocation {
        private final StringBuilder streamed = new StringBuilder();
        dev.ioslab.cli.Invocation proxy() {
            return (dev.ioslab.cli.Invocation) java.lang.reflect.Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {dev.ioslab.cli.Invocation.class},
                    (p, method, args) -> {
                        if (method.getName().equals("stream")) {
                            streamed.append((String) args[0]);
                            return null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }

        int dots() {
            return (int) streamed.chars().filter(c -> c == '.').count();
        }
    }
}
