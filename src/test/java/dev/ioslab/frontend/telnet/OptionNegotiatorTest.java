package dev.ioslab.frontend.telnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OptionNegotiatorTest {

    private OptionNegotiator negotiator;

    @BeforeEach
    void offerLikeTheServer() {
        negotiator = new OptionNegotiator(EnumSet.of(TelnetOption.ECHO, TelnetOption.SUPPRESS_GO_AHEAD),
                EnumSet.of(TelnetOption.NAWS, TelnetOption.TERMINAL_TYPE));
    }

    @Test
    void requestsWillEchoWillSgaDoNawsDoTtypeInOrder() {
        assertThat(request()).containsExactly(
                neg(TelnetCommand.WILL, TelnetOption.ECHO), neg(TelnetCommand.WILL, TelnetOption.SUPPRESS_GO_AHEAD),
                neg(TelnetCommand.DO, TelnetOption.NAWS), neg(TelnetCommand.DO, TelnetOption.TERMINAL_TYPE));
    }

    @Test
    void doesNotRequestTwice() {
        request();

        assertThat(request()).isEmpty();
    }

    @Test
    void acceptsRefusalOfEveryRequestSilently() {
        request();

        assertThat(reply(TelnetCommand.DONT, TelnetOption.ECHO)).isEmpty();
        assertThat(reply(TelnetCommand.DONT, TelnetOption.SUPPRESS_GO_AHEAD)).isEmpty();
        assertThat(reply(TelnetCommand.WONT, TelnetOption.NAWS)).isEmpty();
        assertThat(reply(TelnetCommand.WONT, TelnetOption.TERMINAL_TYPE)).isEmpty();
        assertThat(negotiator.isLocalEnabled(TelnetOption.ECHO)).isFalse();
        assertThat(negotiator.isRemoteEnabled(TelnetOption.NAWS)).isFalse();
    }

    @Test
    void repeatedRefusalsAreNotAnsweredEither() {
        request();
        reply(TelnetCommand.DONT, TelnetOption.ECHO);

        assertThat(reply(TelnetCommand.DONT, TelnetOption.ECHO)).isEmpty();
        assertThat(reply(TelnetCommand.WONT, TelnetOption.NAWS)).isEmpty();
        assertThat(reply(TelnetCommand.WONT, TelnetOption.NAWS)).isEmpty();
    }

    @Test
    void acceptanceOfARequestIsNotAnsweredAndReportsTheChange() {
        request();

        OptionNegotiator.Outcome outcome = negotiator.receive(neg(TelnetCommand.WILL, TelnetOption.TERMINAL_TYPE));

        assertThat(outcome.reply()).isEmpty();
        assertThat(outcome.change()).isEqualTo(OptionNegotiator.Change.REMOTE_ENABLED);
        assertThat(negotiator.isRemoteEnabled(TelnetOption.TERMINAL_TYPE)).isTrue();
        assertThat(reply(TelnetCommand.WILL, TelnetOption.TERMINAL_TYPE)).as("already enabled").isEmpty();
        assertThat(reply(TelnetCommand.DO, TelnetOption.ECHO)).isEmpty();
        assertThat(reply(TelnetCommand.DO, TelnetOption.ECHO)).as("already enabled").isEmpty();
        assertThat(negotiator.isLocalEnabled(TelnetOption.ECHO)).isTrue();
    }

    @Test
    void agreesOnceToAnUnrequestedSupportedOption() {
        assertThat(reply(TelnetCommand.DO, TelnetOption.SUPPRESS_GO_AHEAD))
                .contains(neg(TelnetCommand.WILL, TelnetOption.SUPPRESS_GO_AHEAD));
        assertThat(reply(TelnetCommand.DO, TelnetOption.SUPPRESS_GO_AHEAD)).isEmpty();
    }

    @Test
    void refusesUnknownOptions() {
        assertThat(reply(TelnetCommand.DO, TelnetOption.BINARY)).contains(neg(TelnetCommand.WONT,
                TelnetOption.BINARY));
        assertThat(reply(TelnetCommand.WILL, TelnetOption.NEW_ENVIRON)).contains(neg(TelnetCommand.DONT,
                TelnetOption.NEW_ENVIRON));
        assertThat(negotiator.receive(new TelnetMessage.Negotiation(TelnetCommand.DO, 200)).reply())
                .contains(new TelnetMessage.Negotiation(TelnetCommand.WONT, 200));
    }

    @Test
    void refusalsOfOptionsThatAreOffAreNotAnswered() {
        assertThat(reply(TelnetCommand.DONT, TelnetOption.BINARY)).isEmpty();
        assertThat(reply(TelnetCommand.WONT, TelnetOption.LINEMODE)).isEmpty();
    }

    @Test
    void acknowledgesWhenThePeerTurnsAnEnabledOptionOff() {
        request();
        reply(TelnetCommand.DO, TelnetOption.ECHO);
        reply(TelnetCommand.WILL, TelnetOption.NAWS);

        assertThat(reply(TelnetCommand.DONT, TelnetOption.ECHO)).contains(neg(TelnetCommand.WONT, TelnetOption.ECHO));
        assertThat(reply(TelnetCommand.WONT, TelnetOption.NAWS)).contains(neg(TelnetCommand.DONT, TelnetOption.NAWS));
        assertThat(reply(TelnetCommand.DONT, TelnetOption.ECHO)).isEmpty();
        assertThat(reply(TelnetCommand.WONT, TelnetOption.NAWS)).isEmpty();
    }

    private List<TelnetMessage.Negotiation> request() {
        return negotiator.request(List.of(TelnetOption.ECHO, TelnetOption.SUPPRESS_GO_AHEAD),
                List.of(TelnetOption.NAWS, TelnetOption.TERMINAL_TYPE));
    }

    private Optional<TelnetMessage.Negotiation> reply(TelnetCommand verb, TelnetOption option) {
        return negotiator.receive(neg(verb, option)).reply();
    }

    private static TelnetMessage.Negotiation neg(TelnetCommand verb, TelnetOption option) {
        return new TelnetMessage.Negotiation(verb, option);
    }
}
