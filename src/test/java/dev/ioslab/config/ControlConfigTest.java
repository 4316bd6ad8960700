package dev.ioslab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code control:} section: defaults, checks, and the rule that the network never gets the API without a token. */
class ControlConfigTest {

    private final ConfigLoader loader = new ConfigLoader(2);

    @Test
    void enabledWithoutDetailsListensOnLoopback2280() throws ConfigException {
        ControlSettings control = loader.parse("control: { enabled: true }", "c.yaml").control();

        assertThat(control).isEqualTo(new ControlSettings(true, "127.0.0.1", 2280, Optional.empty()));
    }

    @Test
    void controlAddressDoesNotFollowTheDaemonBindAddress() throws ConfigException {
        ControlSettings control = loader.parse("""
                daemon: { bindAddress: 0.0.0.0 }
                control: { enabled: true }
                """, "c.yaml").control();

        assertThat(control.address()).isEqualTo("127.0.0.1");
    }

    @Test
    void nonLoopbackAddressWithoutTokenIsRefusedNamingTheAddress() {
        assertThat(problemsOf("""
                control:
                  enabled: true
                  address: 0.0.0.0
                """)).containsExactly("c.yaml:3:12: control.address: 0.0.0.0 is not a loopback address, and the "
                + "control API can reset every device: set control.token (clients send 'Authorization: Bearer "
                + "<token>') or listen on 127.0.0.1");
    }

    @Test
    void nonLoopbackAddressWithTokenIsAccepted() throws ConfigException {
        ControlSettings control = loader.parse("""
                control:
                  enabled: true
                  address: 192.0.2.10
                  port: 8080
                  token: 0123456789abcdef0123
                """, "c.yaml").control();

        assertThat(control).isEqualTo(new ControlSettings(true, "192.0.2.10", 8080,
                Optional.of("0123456789abcdef0123")));
        assertThat(control.toString()).doesNotContain("0123456789abcdef");
    }

    @Test
    void loopbackIpv6AndWholeLoopbackNetNeedNoToken() throws ConfigException {
        assertThat(loader.parse("control: { enabled: true, address: '::1' }", "c.yaml").control().address())
                .isEqualTo("::1");
        assertThat(loader.parse("control: { enabled: true, address: 127.0.0.9 }", "c.yaml").control().address())
                .isEqualTo("127.0.0.9");
    }

    @Test
    void disabledApiOnANonLoopbackAddressIsNoProblem() throws ConfigException {
        assertThat(loader.parse("control: { address: 0.0.0.0 }", "c.yaml").control().enabled()).isFalse();
    }

    @Test
    void shortTokenBadPortAndUnknownKeyAreEachNamed() {
        assertThat(problemsOf("""
                control:
                  port: 70000
                  token: short
                  tokn: x
                """)).containsExactly(
                "c.yaml:2:9: control.port: 70000 is out of range; allowed: 1..65535",
                "c.yaml:3:10: control.token: must be at least 16 characters without spaces, such as the output of "
                        + "'openssl rand -hex 16'",
                "c.yaml:4:3: control.tokn: unknown key 'tokn' (did you mean 'token'?); allowed keys: enabled, "
                        + "address, port, token");
    }

    @Test
    void deviceTemplateThatPassesTheControlPortIsAClash() {
        assertThat(problemsOf("""
                control: { enabled: true }
                devices:
                  - { name: "r{n}", count: 100, sshPort: 2201, telnetPort: 3201 }
                """)).containsExactly("c.yaml:3:42: devices[0].sshPort: 127.0.0.1:2280 of devices[0] (template, n=80) "
                + "'r80' sshPort is already taken by control.port (127.0.0.1:2280); every listener needs its own "
                + "address and port");
    }

    private List<String> problemsOf(String yaml) {
        ConfigException failure = catchThrowableOfType(ConfigException.class, () -> loader.parse(yaml, "c.yaml"));
        assertThat(failure).as("expected the configuration to be rejected").isNotNull();
        return failure.problems();
    }
}
