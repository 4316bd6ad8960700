package dev.ioslab.frontend.telnet;

import static dev.ioslab.frontend.telnet.TelnetDecoderTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.cli.LoginMode;
import dev.ioslab.cli.SessionInfo;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelnetSessionTest {

    private static final String BANNER = "\r\n\r\nUser Access Verification\r\n\r\n";
    private static final int IAC = 255;
    private static final int SB = 250;
    private static final int SE = 240;

    private final FakeShellEndpoint local = FakeShellEndpoint.local();

    @Test
    void offersEchoAndSgaAndAsksForNawsAndTerminalTypeThenPromptsForUsername() {
        SessionHarness telnet = new SessionHarness(local);

        assertThat(telnet.controls()).containsExactly(
                new TelnetMessage.Negotiation(TelnetCommand.WILL, TelnetOption.ECHO),
                new TelnetMessage.Negotiation(TelnetCommand.WILL, TelnetOption.SUPPRESS_GO_AHEAD),
                new TelnetMessage.Negotiation(TelnetCommand.DO, TelnetOption.NAWS),
                new TelnetMessage.Negotiation(TelnetCommand.DO, TelnetOption.TERMINAL_TYPE));
        assertThat(telnet.text()).isEqualTo(BANNER + "Username: ");
    }

    @Test
    void logsInLocallyWhateverLineEndingTheClientUses() {
        for (String ending : List.of("\r", "\n", "\r\n", "\r\0")) {
            FakeShellEndpoint endpoint = FakeShellEndpoint.local();
            SessionHarness telnet = new SessionHarness(endpoint);

            telnet.type("admin" + ending);
            telnet.type("cisco" + ending);

            assertThat(telnet.text()).as("ending %s", ending.chars().boxed().toList())
                    .isEqualTo(BANNER + "Username: admin\r\nPassword: \r\n" + FakeShellSession.PROMPT);
            FakeShellSession shell = endpoint.onlySession();
            assertThat(shell.info()).isEqualTo(new SessionInfo("admin", 15, "telnet", null, "", 0, 0));
            assertThat(shell.calls()).containsExactly("start");
        }
    }

    @Test
    void aCarriageReturnAndItsLineFeedInSeparatePacketsAreOneEnter() {
        SessionHarness telnet = new SessionHarness(local);

        telnet.type("admin\r");
        telnet.type("\n");
        telnet.type("cisco\r");
        telnet.type("\n");
        telnet.type("show clock\r");
        telnet.type("\n");

        assertThat(telnet.text()).isEqualTo(BANNER + "Username: admin\r\nPassword: \r\n" + FakeShellSession.PROMPT);
        assertThat(local.onlySession().receivedText()).isEqualTo("show clock\r\n");
    }

    @Test
    void echoesTheUsernameAndItsCorrectionsButNeverThePassword() {
        SessionHarness telnet = new SessionHarness(local);
        telnet.newText();

        telnet.type("admx\u007fin\r");
        telnet.type("cisco");

        assertThat(telnet.newText()).isEqualTo("admx\b \bin\r\nPassword: ");
        telnet.type("\r");
        assertThat(local.onlySession().info().user()).isEqualTo("admin");
    }

    @Test
    void anEmptyUsernameAsksAgainWithoutCountingAsAnAttempt() {
        SessionHarness telnet = new SessionHarness(local, new TelnetSettings(Duration.ofSeconds(30), 1));
        telnet.newText();

        telnet.type("\r\n\r\n");

        assertThat(telnet.newText()).isEqualTo("\r\nUsername: \r\nUsername: ");
        assertThat(telnet.isOpen()).isTrue();
    }

    @Test
    void wrongPasswordThreeTimesSaysLoginInvalidAndCloses() {
        SessionHarness telnet = new SessionHarness(local);

        telnet.type("admin\r\nwrong\r\n");
        telnet.type("admin\r\nwrong\r\n");
        assertThat(telnet.isOpen()).isTrue();
        telnet.type("nobody\r\ncisco\r\n");

        assertThat(telnet.text()).isEqualTo(BANNER
                + "Username: admin\r\nPassword: \r\n% Login invalid\r\n\r\n"
                + "Username: admin\r\nPassword: \r\n% Login invalid\r\n\r\n"
                + "Username: nobody\r\nPassword: \r\n% Login invalid\r\n");
        assertThat(telnet.isOpen()).isFalse();
        assertThat(local.sessions()).isEmpty();
    }

    @Test
    void aFailedAttemptIsForgottenOnceTheNextOneSucceeds() {
        SessionHarness telnet = new SessionHarness(local);

        telnet.type("admin\rnope\radmin\rcisco\r");

        assertThat(telnet.text()).endsWith("% Login invalid\r\n\r\nUsername: admin\r\nPassword: \r\n"
                + FakeShellSession.PROMPT);
        assertThat(local.onlySession().info().privilege()).isEqualTo(15);
    }

    @Test
    void linePasswordAsksOnlyForThePasswordAndGivesPrivilegeOne() {
        FakeShellEndpoint endpoint = FakeShellEndpoint.withMode(LoginMode.LINE_PASSWORD);
        SessionHarness telnet = new SessionHarness(endpoint);

        telnet.type("nope\r");
        telnet.type("letmein\r");

        assertThat(telnet.text()).isEqualTo(BANNER + "Password: \r\nPassword: \r\n" + FakeShellSession.PROMPT);
        assertThat(endpoint.onlySession().info().user()).isEmpty();
        assertThat(endpoint.onlySession().info().privilege()).isEqualTo(1);
    }

    @Test
    void linePasswordWrongThreeTimesSaysBadPasswordsAndCloses() {
        FakeShellEndpoint endpoint = FakeShellEndpoint.withMode(LoginMode.LINE_PASSWORD);
        SessionHarness telnet = new SessionHarness(endpoint);

        telnet.type("a\r\nb\r\nc\r\n");

        assertThat(telnet.text()).isEqualTo(BANNER + "Password: \r\nPassword: \r\nPassword: \r\n% Bad passwords\r\n");
        assertThat(telnet.isOpen()).isFalse();
        assertThat(endpoint.sessions()).isEmpty();
    }

    @Test
    void loginWithoutALinePasswordIsRefusedAndClosed() {
        SessionHarness telnet = new SessionHarness(FakeShellEndpoint.withMode(LoginMode.LINE_PASSWORD_NOT_SET));

        assertThat(telnet.text()).isEqualTo("\r\nPassword required, but none set\r\n");
        assertThat(telnet.isOpen()).isFalse();
    }

    @Test
    void noLoginGoesStraightToTheShellAtPrivilegeOne() {
        FakeShellEndpoint endpoint = FakeShellEndpoint.withMode(LoginMode.NONE);
        SessionHarness telnet = new SessionHarness(endpoint);

        assertThat(telnet.text()).isEqualTo(FakeShellSession.PROMPT);
        assertThat(endpoint.onlySession().info().privilege()).isEqualTo(1);
        assertThat(endpoint.onlySession().info().user()).isEmpty();

        telnet.type("enable\r\n");
        assertThat(endpoint.onlySession().receivedText()).isEqualTo("enable\r\n");
    }

    @Test
    void aLoginThatTakesTooLongTimesOutWithTheIosMessage() {
        SessionHarness telnet = new SessionHarness(local, new TelnetSettings(Duration.ofSeconds(30), 3));
        telnet.type("adm");

        telnet.advanceTime(29_000);
        assertThat(telnet.isOpen()).isTrue();
        telnet.advanceTime(1_000);

        assertThat(telnet.text()).isEqualTo(BANNER + "Username: adm\r\n% Username:  timeout expired!\r\n");
        assertThat(telnet.isOpen()).isFalse();
    }

    @Test
    void aTimeoutAtThePasswordPromptNamesThePasswordPrompt() {
        SessionHarness telnet = new SessionHarness(FakeShellEndpoint.withMode(LoginMode.LINE_PASSWORD),
                new TelnetSettings(Duration.ofMillis(500), 3));

        telnet.advanceTime(500);

        assertThat(telnet.text()).endsWith("Password: \r\n% Password:  timeout expired!\r\n");
        assertThat(telnet.isOpen()).isFalse();
    }

    @Test
    void theLoginTimeoutNoLongerAppliesOnceLoggedIn() {
        SessionHarness telnet = new SessionHarness(local, new TelnetSettings(Duration.ofMillis(500), 3));
        telnet.type("admin\rcisco\r");

        telnet.advanceTime(10_000);

        assertThat(telnet.isOpen()).isTrue();
        assertThat(telnet.text()).doesNotContain("timeout");
    }

    @Test
    void typeAheadAfterThePasswordReachesTheShellAfterItStarts() {
        SessionHarness telnet = new SessionHarness(local);

        telnet.type("admin\r\ncisco\r\nterminal length 0\r\nshow version\r\n");

        FakeShellSession shell = local.onlySession();
        assertThat(shell.receivedText()).isEqualTo("terminal length 0\r\nshow version\r\n");
        assertThat(shell.calls()).containsExactly("start", "receive");
        assertThat(telnet.text()).endsWith(FakeShellSession.PROMPT);
    }

    @Test
    void typeAheadStartingRightAfterABareCarriageReturnIsKept() {
        SessionHarness telnet = new SessionHarness(local);

        telnet.type("admin\rcisco\rsh ver\r");

        assertThat(local.onlySession().receivedText()).isEqualTo("sh ver\r");
    }

    @Test
    void theNulOfCarriageReturnNulIsRemovedInTheShell() {
        SessionHarness telnet = new SessionHarness(local);
        telnet.type("admin\rcisco\r");

        telnet.type("a\r");
        telnet.send(bytes(0, 'b', 0, '\r', 0));

        assertThat(local.onlySession().receivedBytes()).isEqualTo(bytes('a', '\r', 'b', 0, '\r'));
    }

    @Test
    void windowSizeBeforeLoginGoesIntoSessionInfoAndLaterChangesResizeTheShell() {
        SessionHarness telnet = new SessionHarness(local);
        telnet.send(bytes(IAC, 251, 31, IAC, SB, 31, 0, 132, 0, 48, IAC, SE));

        telnet.type("admin\rcisco\r");
        telnet.send(bytes(IAC, SB, 31, 1, IAC, IAC, 0, 60, IAC, SE));

        FakeShellSession shell = local.onlySession();
        assertThat(shell.info().columns()).isEqualTo(132);
        assertThat(shell.info().rows()).isEqualTo(48);
        assertThat(shell.calls()).containsExactly("start", "resize 511x60");
    }

    @Test
    void asksForTheTerminalTypeWhenTheClientAgreesAndRecordsIt() {
        SessionHarness telnet = new SessionHarness(local);
        int before = telnet.controls().size();

        telnet.send(bytes(IAC, 251, 24));
        assertThat(telnet.controls().subList(before, telnet.controls().size()))
                .containsExactly(new TelnetMessage.Subnegotiation(TelnetOption.TERMINAL_TYPE, bytes(1)));
        telnet.send(bytes(IAC, SB, 24, 0, 'X', 'T', 'E', 'R', 'M', IAC, SE));
        telnet.type("admin\rcisco\r");

        assertThat(local.onlySession().info().terminalType()).isEqualTo("XTERM");
    }

    @Test
    void malformedSubnegotiationsAreIgnored() {
        SessionHarness telnet = new SessionHarness(local);

        telnet.send(bytes(IAC, SB, 31, 0, 80, IAC, SE, IAC, SB, 24, 1, IAC, SE, IAC, SB, 24, IAC, SE));
        telnet.type("admin\rcisco\r");

        assertThat(local.onlySession().info()).isEqualTo(new SessionInfo("admin", 15, "telnet", null, "", 0, 0));
    }

    @Test
    void capsTheUsernameLength() {
        SessionHarness telnet = new SessionHarness(local);
        telnet.newText();

        telnet.type("u".repeat(10_000) + "\r");

        assertThat(telnet.newText()).isEqualTo("u".repeat(TelnetSession.MAX_LOGIN_LINE) + "\r\nPassword: ");
    }

    @Test
    void answersAreYouThere() {
        SessionHarness telnet = new SessionHarness(local);
        telnet.newText();

        telnet.send(bytes(IAC, 246));

        assertThat(telnet.newText()).isEqualTo("\r\n[Yes]\r\n");
    }

    @Test
    void closingTheConnectionDisconnectsTheShellOnce() {
        SessionHarness telnet = new SessionHarness(local);
        telnet.type("admin\rcisco\r");

        telnet.close();

        assertThat(local.onlySession().disconnects()).isEqualTo(1);
    }

    @Test
    void theShellClosingItsTerminalFlushesItsOutputAndClosesTheConnection() {
        SessionHarness telnet = new SessionHarness(local);
        telnet.type("admin\rcisco\r");
        telnet.newText();

        telnet.type("exit\r");

        assertThat(telnet.newText()).isEqualTo("\r\n");
        assertThat(telnet.isOpen()).isFalse();
        assertThat(local.onlySession().calls()).endsWith("disconnected");
    }

    @Test
    void inputAfterTheConnectionIsClosingIsIgnored() {
        SessionHarness telnet = new SessionHarness(FakeShellEndpoint.withMode(LoginMode.LINE_PASSWORD));
        telnet.type("a\rb\rc\rletmein\r");

        assertThat(telnet.text()).endsWith("% Bad passwords\r\n");
        assertThat(telnet.isOpen()).isFalse();
    }
}
