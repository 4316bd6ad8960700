package dev.ioslab.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.fs.RemoteUrl;
import dev.ioslab.fs.UrlScheme;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every cell of IOS's FTP credential table: URL user/password × ip ftp username/password × domain name. */
class FtpCredentialRuleTest {

    @ParameterizedTest(name = "url={0}:{1} ip ftp username={2} password={3} domain={4} -> {5}:{6}")
    @CsvSource(nullValues = "-", value = {
            // URL user and password win over everything.
            "urluser, urlpass, cfguser, cfgpass, lab.example, urluser, urlpass",
            "urluser, urlpass, -,       -,       -,           urluser, urlpass",
            // URL user without password: the configured password, else the formed one.
            "urluser, -,       cfguser, cfgpass, lab.example, urluser, cfgpass",
            "urluser, -,       cfguser, -,       lab.example, urluser, admin@R1.lab.example",
            "urluser, -,       -,       -,       -,           urluser, admin@R1",
            // No URL user: ip ftp username, else anonymous; password likewise.
            "-,       -,       cfguser, cfgpass, lab.example, cfguser, cfgpass",
            "-,       -,       cfguser, -,       lab.example, cfguser, admin@R1.lab.example",
            "-,       -,       -,       cfgpass, lab.example, anonymous, cfgpass",
            "-,       -,       -,       -,       lab.example, anonymous, admin@R1.lab.example",
            "-,       -,       -,       -,       -,           anonymous, admin@R1",
    })
    void followsTheGuidesPrecedence(String urlUser, String urlPassword, String cfgUser, String cfgPassword,
                                    String domain, String expectedUser, String expectedPassword) {
        RemoteUrl url = new RemoteUrl(UrlScheme.FTP, Optional.ofNullable(urlUser), Optional.ofNullable(urlPassword),
                Optional.of("192.0.2.1"), OptionalInt.empty(), Optional.empty(), "image.bin");

        Credentials login = FtpCredentialRule.resolve(url, Optional.ofNullable(cfgUser),
                Optional.ofNullable(cfgPassword), "admin", "R1", Optional.ofNullable(domain));

        assertThat(login).isEqualTo(new Credentials(expectedUser, expectedPassword));
    }

    @ParameterizedTest
    @CsvSource({"secret1", "p@ss:word"})
    void neverShowsThePasswordInItsText(String password) {
        Credentials login = new Credentials("user", password);
        assertThat(login.toString()).contains("user").doesNotContain(password);
    }
}
