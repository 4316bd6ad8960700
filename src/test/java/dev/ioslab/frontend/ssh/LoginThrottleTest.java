package dev.ioslab.frontend.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Duration DELAY = Duration.ofSeconds(2);

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final InstantSource clock = () -> now;
    private final LoginThrottle throttle = new LoginThrottle(2, DELAY, clock);
    private final InetAddress attacker = address(10);
    private final InetAddress engineer = address(20);

    @Test
    void delaysOnlyFailuresBeyondTheAllowance() {
        assertThat(throttle.recordFailure(attacker)).isZero();
        assertThat(throttle.recordFailure(attacker)).isZero();
        assertThat(throttle.recordFailure(attacker)).isEqualTo(DELAY);
        assertThat(throttle.recordFailure(attacker)).isEqualTo(DELAY);
        assertThat(throttle.failureCount(attacker)).isEqualTo(4);
    }

    @Test
    void countsEachAddressSeparately() {
        throttle.recordFailure(attacker);
        throttle.recordFailure(attacker);
        throttle.recordFailure(attacker);

        assertThat(throttle.recordFailure(engineer)).isZero();
    }

    @Test
    void successClearsTheAddressFailures() {
        throttle.recordFailure(engineer);
        throttle.recordFailure(engineer);
        throttle.recordSuccess(engineer);

        assertThat(throttle.failureCount(engineer)).isZero();
        assertThat(throttle.recordFailure(engineer)).isZero();
    }

    @Test
    void failuresAreForgottenAfterAQuietPeriod() {
        throttle.recordFailure(attacker);
        throttle.recordFailure(attacker);
        now = now.plus(LoginThrottle.FORGET_AFTER).plusSeconds(1);

        assertThat(throttle.failureCount(attacker)).isZero();
        assertThat(throttle.recordFailure(attacker)).isZero();
        assertThat(throttle.failureCount(attacker)).isEqualTo(1);
    }

    @Test
    void fullTableDelaysNewAddressesUntilStaleOnesExpire() {
        LoginThrottle strict = new LoginThrottle(5, DELAY, clock);
        for (int i = 0; i < LoginThrottle.MAX_TRACKED; i++) {
            strict.recordFailure(address(i));
        }

        assertThat(strict.recordFailure(address(LoginThrottle.MAX_TRACKED + 1))).isEqualTo(DELAY);

        now = now.plus(LoginThrottle.FORGET_AFTER).plusSeconds(1);
        assertThat(strict.recordFailure(address(LoginThrottle.MAX_TRACKED + 1))).isZero();
    }

    private static InetAddress address(int n) {
        try {
            return InetAddress.getByAddress(new byte[] {10, (byte) (n >> 16), (byte) (n >> 8), (byte) n});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
