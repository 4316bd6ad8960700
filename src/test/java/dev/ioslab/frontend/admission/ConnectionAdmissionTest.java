package dev.ioslab.frontend.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.CliTester;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The caps at accept: budget, not logged in (daemon-wide, per address, per address and port), and their release. */
class ConnectionAdmissionTest {

    private final ConnectionLog log = new ConnectionLog(CliTester.clockAt(CliTester.EPOCH), Duration.ofSeconds(10));
    private final InetSocketAddress ssh = new InetSocketAddress("127.0.0.1", 2201);
    private final InetSocketAddress telnet = new InetSocketAddress("127.0.0.1", 2301);

    private static InetSocketAddress from(String address) {
        return new InetSocketAddress(address, 40000);
    }

    @Test
    void oneAddressGetsItsShareAndOthersStillGetIn() throws Exception {
        ConnectionAdmission admission = new ConnectionAdmission(new AdmissionLimits(100, 50, 3, 2), log);
        assertThat(admission.admit("SSH", from("127.0.0.2"), ssh)).isPresent();
        assertThat(admission.admit("SSH", from("127.0.0.2"), ssh)).isPresent();
        assertThat(admission.admit("SSH", from("127.0.0.2"), ssh)).as("third to the same port").isEmpty();
        assertThat(admission.admit("Telnet", from("127.0.0.2"), telnet)).isPresent();
        assertThat(admission.admit("Telnet", from("127.0.0.2"), telnet)).as("fourth from the address").isEmpty();
        assertThat(admission.admit("SSH", from("127.0.0.1"), ssh)).isPresent();

        assertThat(admission.notLoggedIn(InetAddress.getByName("127.0.0.2"))).isEqualTo(3);
        assertThat(admission.openConnections()).isEqualTo(4);
        assertThat(log.total(ConnectionEvent.REFUSED_NOT_LOGGED_IN_TO_LISTENER)).isEqualTo(1);
        assertThat(log.total(ConnectionEvent.REFUSED_NOT_LOGGED_IN_FROM_ADDRESS)).isEqualTo(1);
    }

    @Test
    void loggingInFreesTheNotLoggedInPlaceButKeepsTheDescriptor() {
        ConnectionAdmission admission = new ConnectionAdmission(new AdmissionLimits(3, 2, 2, 1), log);
        AdmissionTicket first = admission.admit("SSH", from("127.0.0.2"), ssh).orElseThrow();
        assertThat(admission.admit("SSH", from("127.0.0.2"), ssh)).isEmpty();
        first.loggedIn();
        first.loggedIn();
        assertThat(admission.notLoggedIn()).isZero();
        AdmissionTicket second = admission.admit("SSH", from("127.0.0.2"), ssh).orElseThrow();
        AdmissionTicket third = admission.admit("SSH", from("127.0.0.3"), ssh).orElseThrow();
        assertThat(admission.admit("SSH", from("127.0.0.4"), ssh)).as("budget of 3 connections used up").isEmpty();
        assertThat(log.total(ConnectionEvent.REFUSED_DESCRIPTOR_BUDGET)).isEqualTo(1);

        first.release();
        first.release();
        second.release();
        third.release();
        assertThat(admission.openConnections()).isZero();
        assertThat(admission.notLoggedIn()).isZero();
        assertThat(admission.notLoggedIn(from("127.0.0.2").getAddress())).isZero();
    }

    @Test
    void daemonWideCapHoldsAcrossAddresses() {
        ConnectionAdmission admission = new ConnectionAdmission(new AdmissionLimits(1000, 10, 10, 10), log);
        List<Optional<AdmissionTicket>> tickets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tickets.add(admission.admit("SSH", from("127.0.1." + (i + 1)), ssh));
        }
        assertThat(tickets.stream().filter(Optional::isPresent)).hasSize(10);
        assertThat(log.total(ConnectionEvent.REFUSED_NOT_LOGGED_IN)).isEqualTo(10);
        tickets.forEach(t -> t.ifPresent(AdmissionTicket::release));
        assertThat(admission.openConnections()).isZero();
        assertThat(admission.admit("SSH", null, null)).as("unknown source counts daemon-wide only").isPresent();
    }
}
