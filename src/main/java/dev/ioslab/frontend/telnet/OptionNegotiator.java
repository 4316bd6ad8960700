package dev.ioslab.frontend.telnet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Per-connection Telnet option state, kept by the "Q method" of RFC 1143 so that negotiation can never loop: an
 * option already in the requested state is not answered again, and an answer to our own request is not answered
 * back. The queue bits of RFC 1143 are not needed because this side never changes its mind about an option.
 *
 * <p>Options in {@code localOptions} are ones this side agrees to perform (answers DO with WILL); options in
 * {@code remoteOptions} are ones it lets the peer perform (answers WILL with DO). Everything else is refused with
 * WONT / DONT (RFC 854: a refusal of an unknown option is always allowed). Not thread-safe: one per channel, used on
 * its event loop.
 */
final class OptionNegotiator {

    /** RFC 1143 option states for one side of one option. */
    private enum QState { NO, YES, WANT_NO, WANT_YES }

    /** What a received negotiation changed, beyond the reply to send. */
    enum Change { NONE, LOCAL_ENABLED, LOCAL_DISABLED, REMOTE_ENABLED, REMOTE_DISABLED }

    /** The result of one received negotiation: an optional answer to send and the state change it caused. */
    record Outcome(Optional<TelnetMessage.Negotiation> reply, Change change) {
    }

    private final Set<TelnetOption> localOptions;
    private final Set<TelnetOption> remoteOptions;
    private final QState[] local = new QState[256];
    private final QState[] remote = new QState[256];

    OptionNegotiator(Set<TelnetOption> localOptions, Set<TelnetOption> remoteOptions) {
        this.localOptions = localOptions.isEmpty() ? EnumSet.noneOf(TelnetOption.class) : EnumSet.copyOf(localOptions);
        this.remoteOptions = remoteOptions.isEmpty()
                ? EnumSet.noneOf(TelnetOption.class) : EnumSet.copyOf(remoteOptions);
        Arrays.fill(local, QState.NO);
        Arrays.fill(remote, QState.NO);
    }

    /**
     * Our opening requests: WILL for each option we perform and DO for each option we want from the peer, in the
     * order given. Each option moves to WANT_YES so that the peer's answer, whatever it is, ends the exchange.
     */
    List<TelnetMessage.Negotiation> request(List<TelnetOption> willOptions, List<TelnetOption> doOptions) {
        List<TelnetMessage.Negotiation> requests = new ArrayList<>();
        for (TelnetOption option : willOptions) {
            if (local[option.code()] == QState.NO) {
                local[option.code()] = QState.WANT_YES;
                requests.add(new TelnetMessage.Negotiation(TelnetCommand.WILL, option));
            }
        }
        for (TelnetOption option : doOptions) {
            if (remote[option.code()] == QState.NO) {
                remote[option.code()] = QState.WANT_YES;
                requests.add(new TelnetMessage.Negotiation(TelnetCommand.DO, option));
            }
        }
        return requests;
    }

    /** Applies a negotiation received from the peer (RFC 1143 section 7). */
    Outcome receive(TelnetMessage.Negotiation negotiation) {
        int option = negotiation.option();
        return switch (negotiation.verb()) {
            case WILL -> onWill(option);
            case WONT -> onWont(option);
            case DO -> onDo(option);
            case DONT -> onDont(option);
            default -> throw new IllegalArgumentException("not a negotiation verb: " + negotiation.verb());
        };
    }

    /** True when the peer has agreed to perform {@code option}. */
    boolean isRemoteEnabled(TelnetOption option) {
        return remote[option.code()] == QState.YES;
    }

    /** True when this side performs {@code option} with the peer's agreement. */
    boolean isLocalEnabled(TelnetOption option) {
        return local[option.code()] == QState.YES;
    }

    private Outcome onWill(int option) {
        switch (remote[option]) {
            case NO:
                if (accepts(remoteOptions, option)) {
                    remote[option] = QState.YES;
                    return new Outcome(reply(TelnetCommand.DO, option), Change.REMOTE_ENABLED);
                }
                return new Outcome(reply(TelnetCommand.DONT, option), Change.NONE);
            case WANT_YES:
                remote[option] = QState.YES;
                return new Outcome(Optional.empty(), Change.REMOTE_ENABLED);
            case WANT_NO:
                // RFC 1143: "DONT answered by WILL" - the peer is in error; settle on NO without answering.
                remote[option] = QState.NO;
                return none();
            default:
                return none();
        }
    }

    private Outcome onWont(int option) {
        switch (remote[option]) {
            case YES:
                remote[option] = QState.NO;
                return new Outcome(reply(TelnetCommand.DONT, option), Change.REMOTE_DISABLED);
            case WANT_YES:
            case WANT_NO:
                remote[option] = QState.NO;
                return none();
            default:
                return none();
        }
    }

    private Outcome onDo(int option) {
        switch (local[option]) {
            case NO:
                if (accepts(localOptions, option)) {
                    local[option] = QState.YES;
                    return new Outcome(reply(TelnetCommand.WILL, option), Change.LOCAL_ENABLED);
                }
                return new Outcome(reply(TelnetCommand.WONT, option), Change.NONE);
            case WANT_YES:
                local[option] = QState.YES;
                return new Outcome(Optional.empty(), Change.LOCAL_ENABLED);
            case WANT_NO:
                local[option] = QState.NO;
                return none();
            default:
                return none();
        }
    }

    private Outcome onDont(int option) {
        switch (local[option]) {
            case YES:
                local[option] = QState.NO;
                return new Outcome(reply(TelnetCommand.WONT, option), Change.LOCAL_DISABLED);
            case WANT_YES:
            case WANT_NO:
                local[option] = QState.NO;
                return none();
            default:
                return none();
        }
    }

    private static boolean accepts(Set<TelnetOption> supported, int option) {
        return TelnetOption.fromCode(option).map(supported::contains).orElse(false);
    }

    private static Optional<TelnetMessage.Negotiation> reply(TelnetCommand verb, int option) {
        return Optional.of(new TelnetMessage.Negotiation(verb, option));
    }

    private static Outcome none() {
        return new Outcome(Optional.empty(), Change.NONE);
    }
}
