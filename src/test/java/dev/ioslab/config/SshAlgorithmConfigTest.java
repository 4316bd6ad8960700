package dev.ioslab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code daemon: ssh:}: the algorithm lists, their defaults and every mistake named by its field. */
class SshAlgorithmConfigTest {

    private final ConfigLoader loader = new ConfigLoader(2);

    @Test
    void absentSectionLeavesEveryListAtItsDefault() throws ConfigException {
        assertThat(loader.parse("daemon: {}\n", "lab.yaml").daemon().ssh()).isEqualTo(SshAlgorithmSettings.DEFAULTS);
    }

    @Test
    void writtenListsAreKeptInTheirOrder() throws ConfigException {
        SshAlgorithmSettings ssh = loader.parse("""
                daemon:
                  ssh:
                    kex: [diffie-hellman-group14-sha1, ecdh-sha2-nistp256]
                    ciphers: [aes256-ctr, aes128-ctr]
                    macs: [hmac-sha1, hmac-sha2-256]
                    hostKeyAlgorithms: [rsa-sha2-256, ecdsa-sha2-nistp256]
                """, "lab.yaml").daemon().ssh();

        assertThat(ssh).isEqualTo(new SshAlgorithmSettings(
                List.of("diffie-hellman-group14-sha1", "ecdh-sha2-nistp256"), List.of("aes256-ctr", "aes128-ctr"),
                List.of("hmac-sha1", "hmac-sha2-256"), List.of("rsa-sha2-256", "ecdsa-sha2-nistp256")));
    }

    @Test
    void unknownRefusedRepeatedAndMistypedNamesAreEachReportedWithTheirField() {
        List<String> problems = problemsOf("""
                daemon:
                  ssh:
                    kex: [curve25519-sha256, diffie-hellman-group1-sha1]
                    ciphers: [aes128-ctr, aes128-ctr, 3des-cbc]
                    macs: [hmac-sha3]
                    hostKeyAlgorithms: ssh-ed25519
                """);

        assertThat(problems).containsExactly(
                "lab.yaml:3:30: daemon.ssh.kex[1]: 'diffie-hellman-group1-sha1' is not offered: a 1024-bit group "
                        + "(Logjam; RFC 9142: SHOULD NOT)",
                "lab.yaml:4:27: daemon.ssh.ciphers[1]: 'aes128-ctr' is listed twice",
                "lab.yaml:4:39: daemon.ssh.ciphers[2]: '3des-cbc' is not offered: a 64-bit block cipher (Sweet32)",
                "lab.yaml:5:12: daemon.ssh.macs[0]: unknown MAC 'hmac-sha3'; known: "
                        + String.join(", ", SshAlgorithmSettings.KNOWN_MACS),
                "lab.yaml:6:24: daemon.ssh.hostKeyAlgorithms: expected a list of host key algorithm names, such as "
                        + "[ecdsa-sha2-nistp256], got a string 'ssh-ed25519'");
    }

    @Test
    void anEmptyListAndAnUnknownKeyAreReported() {
        assertThat(problemsOf("""
                daemon:
                  ssh:
                    kex: []
                    cipher: [aes128-ctr]
                """)).containsExactly(
                "lab.yaml:3:10: daemon.ssh.kex: must name at least one key exchange method; leave the key out for the "
                        + "default list",
                "lab.yaml:4:5: daemon.ssh.cipher: unknown key 'cipher' (did you mean 'ciphers'?); allowed keys: kex, "
                        + "ciphers, macs, hostKeyAlgorithms");
    }

    private List<String> problemsOf(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parse(yaml, "lab.yaml"));
        assertThat(e).as("a ConfigException").isNotNull();
        return e.problems();
    }
}
