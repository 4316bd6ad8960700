package dev.ioslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandLineMaskTest {

    @Test
    void dropsThePasswordOfAUrlAndKeepsTheUser() {
        assertThat(CommandLineMask.mask("copy ftp://admin:Secr3t@10.1.1.1/images/x.bin flash0:"))
                .isEqualTo("copy ftp://admin@10.1.1.1/images/x.bin flash0:");
        assertThat(CommandLineMask.mask("copy tftp://10.1.1.1/x.bin flash0:"))
                .isEqualTo("copy tftp://10.1.1.1/x.bin flash0:");
    }

    @Test
    void dropsAUrlPasswordThatHoldsAnAtSignWhole() {
        // The URL parser ends the credentials at the authority's last '@', so "p@ss" is the password.
        assertThat(CommandLineMask.mask("copy ftp://netops:p@ss@10.1.1.1/x.bin flash0:"))
                .isEqualTo("copy ftp://netops@10.1.1.1/x.bin flash0:");
        assertThat(CommandLineMask.mask("copy flash0:x.bin ftp://netops:a@b@c@10.1.1.1"))
                .isEqualTo("copy flash0:x.bin ftp://netops@10.1.1.1");
        assertThat(CommandLineMask.mask("copy ftp://10.1.1.1:2121/dir@x/y flash0:"))
                .isEqualTo("copy ftp://10.1.1.1:2121/dir@x/y flash0:");
    }

    @Test
    void hidesSecretsAndPasswordsWithTheirEncryptionType() {
        assertThat(CommandLineMask.mask("username bob privilege 15 secret 0 Hunter2"))
                .isEqualTo("username bob privilege 15 secret 0 *****");
        assertThat(CommandLineMask.mask("enable secret cisco")).isEqualTo("enable secret *****");
        assertThat(CommandLineMask.mask("ip ftp password FtpPw")).isEqualTo("ip ftp password *****");
        assertThat(CommandLineMask.mask(" password 7 0822455D0A16")).isEqualTo(" password 7 *****");
    }

    @Test
    void leavesOrdinaryLinesAlone() {
        assertThat(CommandLineMask.mask("show running-config | include hostname"))
                .isEqualTo("show running-config | include hostname");
        assertThat(CommandLineMask.mask("login block-for 60 attempts 3 within 30"))
                .isEqualTo("login block-for 60 attempts 3 within 30");
    }
}
