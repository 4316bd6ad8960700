package dev.ioslab.commands.exec;

import dev.ioslab.fs.AtomicWrite;
import dev.ioslab.fs.FsException;
import dev.ioslab.fs.IosFileSystem;
import dev.ioslab.testing.CliTester;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Puts files on a tester's device through the file-system API, as a finished transfer would. */
final class FsFixture {

    private FsFixture() {
    }

    static IosFileSystem fs(CliTester t, String name) {
        return t.device().fileSystems().find(name).orElseThrow();
    }

    static void put(CliTester t, String fsName, String path, byte[] bytes) {
        IosFileSystem fs = fs(t, fsName);
        try (AtomicWrite w = fs.beginWrite(fs.resolve(path), bytes.length)) {
            w.write(ByteBuffer.wrap(bytes));
            w.commit();
        } catch (FsException e) {
            throw new IllegalStateException(e);
        }
    }

    static void put(CliTester t, String fsName, String path, String text) {
        put(t, fsName, path, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** A session with paging off, ready for long listings. */
    static CliTester tester(java.nio.file.Path dir) {
        CliTester t = CliTester.privileged(dir);
        t.text("terminal length 0\r");
        return t;
    }
}
