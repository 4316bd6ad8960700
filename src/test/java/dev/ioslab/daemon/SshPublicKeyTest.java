package dev.ioslab.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Public-key logins from {@code ip ssh pubkey-chain}: a key entered with {@code key-string} becomes a
 * {@code key-hash} in the running configuration, and the OpenSSH client logs in with that key, no password asked.
 */
class SshPublicKeyTest {

    @TempDir
    Path dir;

    @Test
    void openSshLogsInWithAKeyFromThePubkeyChain() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh")) && Files.isExecutable(Path.of("/usr/bin/ssh-keygen")),
                "OpenSSH client not installed");
        Path key = dir.resolve("id_ed25519");
        Process gen = new ProcessBuilder("/usr/bin/ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-f",
                key.toString()).redirectErrorStream(true).start();
        assertThat(gen.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String[] pub = Files.readString(dir.resolve("id_ed25519.pub")).trim().split(" ");
        try (RackFixture rack = new RackFixture(dir.resolve("var"), 1)) {
            var shell = rack.daemon.devices().get(0);
            // Pasted in two chunks, as people paste long keys.
            String b64 = pub[1];
            String problems = shell.replayConfig("ip ssh pubkey-chain\n username admin\n  key-string\n   "
                    + b64.substring(0, 40) + "\n   " + b64.substring(40) + "\n  exit\n");
            assertThat(problems).isEmpty();
            String running = String.join("\n", shell.device().renderRunningConfig());
            assertThat(running).containsPattern("ip ssh pubkey-chain\n  username admin\n   key-hash "
                    + "ecdsa-sha2-nistp256 [0-9A-F]{32}\n");
            Process ssh = new ProcessBuilder("/usr/bin/ssh", "-o", "StrictHostKeyChecking=no", "-o",
                    "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-o", "PreferredAuthentications=publickey",
                    "-o", "IdentitiesOnly=yes", "-i", key.toString(), "-p", String.valueOf(rack.port("r1", "ssh")),
                    "admin@127.0.0.1", "show privilege").redirectErrorStream(true).start();
            String out = new String(ssh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(ssh.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(out).contains("Current privilege level is 15");
            assertThat(ssh.exitValue()).isZero();

            // Another key is refused.
            Path other = dir.resolve("other");
            new ProcessBuilder("/usr/bin/ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-f", other.toString())
                    .start().waitFor(30, TimeUnit.SECONDS);
            Process refused = new ProcessBuilder("/usr/bin/ssh", "-o", "StrictHostKeyChecking=no", "-o",
                    "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-o", "PreferredAuthentications=publickey",
                    "-o", "IdentitiesOnly=yes", "-i", other.toString(), "-p",
                    String.valueOf(rack.port("r1", "ssh")), "admin@127.0.0.1", "show privilege")
                    .redirectErrorStream(true).start();
            String refusedOut = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(refused.exitValue()).as(refusedOut).isNotZero();
            assertThat(refusedOut).doesNotContain("Current privilege level");

            // The saved configuration replays into the same key-hash.
            String saved = shell.device().startupConfigText();
            assertThat(shell.replayConfig(saved)).isEmpty();
        }
    }
}
