package dev.ioslab.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IosUrlParserTest {

    @TempDir
    Path deviceDir;

    private FileSystemTable table;
    private IosUrlParser parser;

    @BeforeEach
    void setUp() throws IOException {
        table = TestFileSystems.open(deviceDir);
        parser = new IosUrlParser(table);
    }

    @Test
    void parsesLocalPathsWithTheirTypedPrefix() throws Exception {
        LocalUrl withAlias = (LocalUrl) parser.parse("flash:memleak.tcl");
        LocalUrl withName = (LocalUrl) parser.parse("flash0:/dir/c1900.bin");
        LocalUrl upperCase = (LocalUrl) parser.parse("FLASH:x");

        assertThat(withAlias.display()).isEqualTo("flash:/memleak.tcl");
        assertThat(withAlias.fileSystem()).isSameAs(table.defaultFileSystem());
        assertThat(withAlias.path().display()).isEqualTo("flash0:/memleak.tcl");
        assertThat(withName.display()).isEqualTo("flash0:/dir/c1900.bin");
        assertThat(withName.baseName()).isEqualTo("c1900.bin");
        assertThat(upperCase.prefix()).isEqualTo("flash");
        assertThat(((LocalUrl) parser.parse("nvram:startup-config")).display()).isEqualTo("nvram:/startup-config");
        assertThat(((LocalUrl) parser.parse("system:running-config")).fileSystem().spec().type())
                .isEqualTo(FsType.OPAQUE);
        assertThat(((LocalUrl) parser.parse("usbflash0:")).path().isRoot()).isTrue();
    }

    @Test
    void bareNamesResolveAgainstTheCurrentDirectory() throws Exception {
        IosFileSystem flash = table.defaultFileSystem();
        flash.mkdir(flash.resolve("dir"));

        LocalUrl bare = (LocalUrl) parser.parse("usbflash0", flash.resolve("dir"));

        assertThat(bare.display()).isEqualTo("flash0:/dir/usbflash0");
        assertThat(((LocalUrl) parser.parse("img.bin")).display()).isEqualTo("flash0:/img.bin");
    }

    @Test
    void parsesBareNetworkPrefixesAsIncompleteUrls() throws Exception {
        for (UrlScheme scheme : new UrlScheme[] {UrlScheme.FTP, UrlScheme.TFTP, UrlScheme.SCP}) {
            RemoteUrl url = (RemoteUrl) parser.parse(scheme.label() + ":");

            assertThat(url).isEqualTo(RemoteUrl.bare(scheme));
            assertThat(url.isComplete()).isFalse();
            assertThat(url.display()).isEqualTo(scheme.label() + ":");
            assertThat(url.baseName()).isEmpty();
        }
    }

    @Test
    void parsesFtpWithCredentialsAndNeverShowsThePassword() throws Exception {
        String text = "ftp://wendell:odom@192.168.1.170/c1100-universalk9.17.06.03a.SPA.bin";

        RemoteUrl url = (RemoteUrl) parser.parse(text);

        assertThat(url.scheme()).isEqualTo(UrlScheme.FTP);
        assertThat(url.user()).contains("wendell");
        assertThat(url.password()).contains("odom");
        assertThat(url.host()).contains("192.168.1.170");
        assertThat(url.port()).isEmpty();
        assertThat(url.effectivePort()).isEqualTo(21);
        assertThat(url.path()).isEqualTo("c1100-universalk9.17.06.03a.SPA.bin");
        assertThat(url.baseName()).isEqualTo("c1100-universalk9.17.06.03a.SPA.bin");
        assertThat(url.display()).isEqualTo("ftp://192.168.1.170/c1100-universalk9.17.06.03a.SPA.bin");
        assertThat(url.maskedDisplay()).isEqualTo("ftp://*:*@192.168.1.170/c1100-universalk9.17.06.03a.SPA.bin");
        assertThat(url.toString()).doesNotContain("odom").doesNotContain("wendell");
        assertThat(url.isComplete()).isTrue();
    }

    @Test
    void keepsDoubleSlashPathsAndPortsAsIosPrintsThem() throws Exception {
        RemoteUrl absolute = (RemoteUrl) parser.parse("ftp://20.1.1.1//auto/path/images/vmlinux_PE1.bin");
        RemoteUrl withPort = (RemoteUrl) parser.parse("ftp://10.1.10.6:2121/RT01-ftp2.cfg");
        RemoteUrl tftp = (RemoteUrl) parser.parse("tftp://192.168.1.5/c1900-universalk9-mz.SPA.153-3.M.bin");

        assertThat(absolute.path()).isEqualTo("/auto/path/images/vmlinux_PE1.bin");
        assertThat(absolute.baseName()).isEqualTo("vmlinux_PE1.bin");
        assertThat(absolute.display()).isEqualTo("ftp://20.1.1.1//auto/path/images/vmlinux_PE1.bin");
        assertThat(withPort.port()).hasValue(2121);
        assertThat(withPort.display()).isEqualTo("ftp://10.1.10.6:2121/RT01-ftp2.cfg");
        assertThat(tftp.effectivePort()).isEqualTo(69);
        assertThat(tftp.display()).isEqualTo("tftp://192.168.1.5/c1900-universalk9-mz.SPA.153-3.M.bin");
    }

    @Test
    void parsesScpWithUserAndEmptyPortAsInTheIsrCapture() throws Exception {
        RemoteUrl url = (RemoteUrl) parser.parse(
                "scp://marley@192.168.1.5://home/marley/Documents/startup-config");

        assertThat(url.user()).contains("marley");
        assertThat(url.password()).isEmpty();
        assertThat(url.port()).isEmpty();
        assertThat(url.path()).isEqualTo("/home/marley/Documents/startup-config");
        assertThat(url.baseName()).isEqualTo("startup-config");
        assertThat(url.effectivePort()).isEqualTo(22);
    }

    @Test
    void vrfSuffixAndMissingPathMatchTheMaskedErrorLine() throws Exception {
        RemoteUrl url = (RemoteUrl) parser.parse("ftp://administrator:xxxxxxx@172.27.148.198;Mgmt-intf");

        assertThat(url.vrf()).contains("Mgmt-intf");
        assertThat(url.isComplete()).isFalse();
        RemoteUrl completed = url.withPath("/tftpboot/testme.bin");
        assertThat(completed.maskedDisplay())
                .isEqualTo("ftp://*:*@172.27.148.198;Mgmt-intf//tftpboot/testme.bin");
        assertThat(completed.display()).isEqualTo("ftp://172.27.148.198;Mgmt-intf//tftpboot/testme.bin");
    }

    @Test
    void parsesIpv6HostsNamesAndHttp() throws Exception {
        RemoteUrl ipv6 = (RemoteUrl) parser.parse("ftp://[2001:db8::1]:2121/img.bin");
        RemoteUrl name = (RemoteUrl) parser.parse("http://images.lab.example/a.bin");
        RemoteUrl https = (RemoteUrl) parser.parse("https://repo:8443/dir/b.bin");
        RemoteUrl mapped = (RemoteUrl) parser.parse("tftp://[::ffff:192.0.2.1]/c.bin");

        assertThat(ipv6.host()).contains("2001:db8::1");
        assertThat(ipv6.port()).hasValue(2121);
        assertThat(ipv6.display()).isEqualTo("ftp://[2001:db8::1]:2121/img.bin");
        assertThat(name.scheme()).isEqualTo(UrlScheme.HTTP);
        assertThat(name.effectivePort()).isEqualTo(80);
        assertThat(https.effectivePort()).isEqualTo(8443);
        assertThat(mapped.host()).contains("::ffff:192.0.2.1");
    }

    @Test
    void percentDecodesUserAndPasswordOnly() throws Exception {
        RemoteUrl url = (RemoteUrl) parser.parse("ftp://us%40er:p%3Ass%2Fw+rd%C3%A9@host/a%20b");
        RemoteUrl clearAt = (RemoteUrl) parser.parse("ftp://u:p@ss@host/x");

        assertThat(url.user()).contains("us@er");
        assertThat(url.password()).contains("p:ss/w+rd\u00e9");
        assertThat(url.path()).isEqualTo("a%20b");
        assertThat(clearAt.password()).contains("p@ss");
        assertThat(clearAt.host()).contains("host");
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @CsvSource(delimiter = '|', value = {
        "ftp://host:abc/x        | BAD_PORT                | 11",
        "ftp://host:0/x          | BAD_PORT                | 11",
        "ftp://host:65536/x      | BAD_PORT                | 11",
        "ftp://host:99999999/x   | BAD_PORT                | 11",
        "ftp://[::1]:-1/x        | BAD_PORT                | 12",
        "ftp:///x                | MISSING_HOST            | 6",
        "ftp://                  | MISSING_HOST            | 6",
        "ftp://user:pw@/x        | MISSING_HOST            | 14",
        "ftp://user@:21/x        | MISSING_HOST            | 11",
        "ftp://bad_host!/x       | INVALID_HOST            | 6",
        "ftp://256.1.1.1/x       | INVALID_HOST            | 6",
        "ftp://1.2.3/x           | INVALID_HOST            | 6",
        "ftp://-lead.example/x   | INVALID_HOST            | 6",
        "ftp://2001:db8::1/x     | INVALID_HOST            | 6",
        "ftp://[zz::1]/x         | INVALID_HOST            | 6",
        "ftp://[1:2:3:4:5:6:7:8:9]/x | INVALID_HOST        | 6",
        "ftp://[::1/x            | INVALID_HOST            | 6",
        "ftp://[::1]x/y          | MALFORMED               | 11",
        "tftp://u:p@host/x       | CREDENTIALS_NOT_ALLOWED | 7",
        "ftp://u%zz:p@h/x        | MALFORMED               | 7",
        "ftp://:p@h/x            | MALFORMED               | 6",
        "ftp://h;/x              | MALFORMED               | 8",
        "bootflash:x             | UNKNOWN_FILE_SYSTEM     | 0",
        ":x                      | UNKNOWN_FILE_SYSTEM     | 0",
        "flash0:../x             | INVALID_PATH            | 7",
    })
    void refusesMalformedUrlsWithErrorAndPosition(String text, UrlError error, int position) {
        assertThatThrownBy(() -> parser.parse(text))
                .isInstanceOfSatisfying(IosUrlException.class, e -> {
                    assertThat(e.error()).isEqualTo(error);
                    assertThat(e.position()).isEqualTo(position);
                });
    }

    @Test
    void refusesControlCharactersAndSpacesInRemoteUrls() {
        assertThatThrownBy(() -> parser.parse("ftp://h/a b"))
                .isInstanceOfSatisfying(IosUrlException.class, e -> assertThat(e.position()).isEqualTo(9));
        assertThatThrownBy(() -> parser.parse("tftp://h/a\0b"))
                .isInstanceOfSatisfying(IosUrlException.class,
                        e -> assertThat(e.error()).isEqualTo(UrlError.MALFORMED));
        assertThatThrownBy(() -> parser.parse(""))
                .isInstanceOfSatisfying(IosUrlException.class,
                        e -> assertThat(e.error()).isEqualTo(UrlError.MALFORMED));
    }

    @Test
    void refusedLocalPathsCarryTheFileSystemReason() {
        assertThatThrownBy(() -> parser.parse("flash:" + "x".repeat(200)))
                .isInstanceOfSatisfying(IosUrlException.class, e -> {
                    assertThat(e.error()).isEqualTo(UrlError.INVALID_PATH);
                    assertThat(e.reason()).isEqualTo("File name too long");
                });
    }

    @Test
    void errorsNeverRepeatThePassword() {
        assertThatThrownBy(() -> parser.parse("ftp://user:s3cret@host:99999/x"))
                .isInstanceOfSatisfying(IosUrlException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain("s3cret");
                    assertThat(e.reason()).isEqualTo("Invalid port number");
                });
    }

    @Test
    void emptyPathIsAcceptedForPromptingButNotAsComplete() throws Exception {
        RemoteUrl trailingSlash = (RemoteUrl) parser.parse("ftp://host/");
        RemoteUrl noPath = (RemoteUrl) parser.parse("scp://administrator@172.27.148.198");

        assertThat(trailingSlash.path()).isEmpty();
        assertThat(noPath.user()).contains("administrator");
        assertThatThrownBy(trailingSlash::requireComplete)
                .isInstanceOfSatisfying(IosUrlException.class,
                        e -> assertThat(e.error()).isEqualTo(UrlError.MISSING_PATH));
        assertThatThrownBy(((RemoteUrl) parser.parse("ftp://host/dir/"))::requireComplete)
                .isInstanceOfSatisfying(IosUrlException.class,
                        e -> assertThat(e.error()).isEqualTo(UrlError.MISSING_PATH));
        assertThatThrownBy(((RemoteUrl) parser.parse("tftp:"))::requireComplete)
                .isInstanceOfSatisfying(IosUrlException.class,
                        e -> assertThat(e.error()).isEqualTo(UrlError.MISSING_HOST));
        assertThat(((RemoteUrl) parser.parse("tftp://h/x")).requireComplete().path()).isEqualTo("x");
    }

    @Test
    void promptedPartsAreValidatedLikeTheUrl() throws Exception {
        RemoteUrl bare = (RemoteUrl) parser.parse("tftp:");

        RemoteUrl completed = bare.withHost("202.153.144.25").withPath("/auto/tftp-blr-users3/ashpa/test.txt");

        assertThat(completed.display()).isEqualTo("tftp://202.153.144.25//auto/tftp-blr-users3/ashpa/test.txt");
        assertThat(bare.withHost("[::1]").host()).contains("::1");
        assertThatThrownBy(() -> bare.withHost("")).isInstanceOfSatisfying(IosUrlException.class,
                e -> assertThat(e.reason()).isEqualTo("Host name or address not specified"));
        assertThatThrownBy(() -> bare.withHost("bad host")).isInstanceOfSatisfying(IosUrlException.class,
                e -> assertThat(e.error()).isEqualTo(UrlError.INVALID_HOST));
        assertThatThrownBy(() -> bare.withUser("u")).isInstanceOf(IosUrlException.class);
        RemoteUrl scp = ((RemoteUrl) parser.parse("scp:")).withUser("admin").withPassword("pw");
        assertThat(scp.hasCredentials()).isTrue();
        assertThat(scp.withHost("h").withPath("f").toString()).isEqualTo("scp://*:*@h/f");
    }

    @Test
    void recordRefusesImpossibleCombinations() {
        assertThatThrownBy(() -> new RemoteUrl(UrlScheme.FTP, Optional.empty(), Optional.of("pw"),
                Optional.of("h"), OptionalInt.empty(), Optional.empty(), "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RemoteUrl(UrlScheme.FTP, Optional.empty(), Optional.empty(),
                Optional.of("h"), OptionalInt.of(70_000), Optional.empty(), "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RemoteUrl(UrlScheme.TFTP, Optional.of("u"), Optional.empty(),
                Optional.of("h"), OptionalInt.empty(), Optional.empty(), "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
