package dev.ioslab.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL during key-storage writes: after each kill the storage opens, both copies agree, and every write that had
 * returned before the kill is there (a key added stays added, a key revoked stays revoked); nothing is half-written.
 */
@Timeout(300)
class KeyStorageKillTest {

    @TempDir
    Path dir;

    @Test
    void killedWritersLoseNothingThatWasWritten() throws Exception {
        Random random = new Random(17);
        for (int round = 0; round < 5; round++) {
            Path folder = dir.resolve("keys-" + round);
            Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), KeyStorageWriter.class.getName(),
                    folder.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            List<String> said = new ArrayList<>();
            int stopAfter = 2 + random.nextInt(30);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    said.add(line);
                    if (said.size() > stopAfter) {
                        // Kill in the middle of the next write (the writer is busy writing when it is not printing).
                        writer.destroyForcibly();
                        break;
                    }
                }
            }
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();

            KeyStorage storage = KeyStorage.open(folder, List.of());
            assertThat(Files.readString(storage.backupFile())).isEqualTo(Files.readString(storage.primaryFile()));
            for (String line : said) {
                if (line.startsWith("added ")) {
                    char version = line.charAt(line.length() - 1);
                    assertThat(storage.find(KeyType.DEVELOPMENT, version)).as(line).isPresent();
                } else if (line.startsWith("revoked below ")) {
                    char below = line.charAt(line.length() - 1);
                    for (char v = 'B'; v < below; v++) {
                        char version = v;
                        storage.find(KeyType.DEVELOPMENT, version).ifPresent(k ->
                                assertThat(k.isActive()).as("version %s after %s", version, line).isFalse());
                    }
                }
            }
        }
    }
}
