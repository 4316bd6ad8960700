package dev.ioslab.commands.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.CliTester;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ip ssh time-out} and {@code ip ssh authentication-retries}: defaults, running-config, show ip ssh. */
class IpSshSettingsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreIosDefaultsAndStayOutOfTheRunningConfig() {
        CliTester t = CliTester.privileged(dir);
        assertThat(t.text("show ip ssh\r")).isEqualTo("show ip ssh\r\n"
                + "SSH Enabled - version 2.0\r\n"
                + "Authentication timeout: 120 secs; Authentication retries: 3\r\n"
                + "Minimum expected Diffie Hellman key size : 2048 bits\r\n"
                + "R1#");
        assertThat(t.text("show running-config | include ip ssh\r")).doesNotContain("ip ssh time-out")
                .doesNotContain("ip ssh authentication-retries");
    }

    @Test
    void configuredValuesShowAndAreSavedInOrder() {
        CliTester t = CliTester.privileged(dir);
        t.text("configure terminal\rip ssh time-out 60\rip ssh authentication-retries 2\rip ssh pubkey-chain\rend\r");
        assertThat(t.text("show ip ssh\r")).contains("Authentication timeout: 60 secs; Authentication retries: 2\r\n");
        assertThat(t.text("show running-config | include ip ssh\r"))
                .contains("ip ssh time-out 60\r\nip ssh authentication-retries 2\r\nip ssh pubkey-chain\r\n");
        t.text("configure terminal\rno ip ssh time-out\rno ip ssh authentication-retries\rend\r");
        assertThat(t.text("show ip ssh\r")).contains("Authentication timeout: 120 secs; Authentication retries: 3");
    }

    @Test
    void outOfRangeValuesAreRejected() {
        CliTester t = CliTester.privileged(dir);
        t.text("configure terminal\r");
        assertThat(t.text("ip ssh time-out 121\r")).contains("% Invalid input detected at '^' marker.");
        assertThat(t.text("ip ssh authentication-retries 6\r")).contains("% Invalid input detected at '^' marker.");
    }
}
