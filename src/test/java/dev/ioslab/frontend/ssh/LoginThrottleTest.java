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
        assertThat(throttle.recordFailure(attacker, "r1")).isZero();
        assertThat(throttle.recordFailure(attacker, "r1")).isZero();
        assertThat(throttle.recordFailure(attacker, "r1")).isEqualTo(DELAY);
        assertThat(throttle.recordFailure(attacker, "r1")).isEqualTo(DELAY);
        assertThat(throttle.failureCount(attacker, "r1")).isEqualTo(4);
    }

    @Test
    void countsEachAddressSeparately() {
        throttle.recordFailure(attacker, "r1");
        throttle.recordFailure(attacker, "r1");
        throttle.recordFailure(attacker, "r1");

        assertThat(throttle.recordFailure(engineer, "r1")).isZero();
    }

    @Test
    void countsEachDeviceSeparatelyAsBehindASharedListener() {
        throttle.recordFailure(attacker, "r1");
        throttle.recordFailure(attacker, "r1");
        assertThat(throttle.recordFailure(attacker, "r1")).isEqualTo(DELAY);

        assertThat(throttle.recordFailure(attacker, "r2")).isZero();
        assertThat(throttle.failureCount(attacker, "r2")).isEqualTo(1);
        throttle.recordSuccess(attacker, "r2");
        assertThat(throttle.failureCount(attacker, "r1")).isEqualTo(3);
    }

    @Test
    void successClearsTheAddressFailures() {
        throttle.recordFailure(engineer, "r1");
        throttle.recordFailure(engineer, "r1");
        throttle.recordSuccess(engineer, "r1");

        assertThat(throttle.failureCount(engineer, "r1")).isZero();
        assertThat(throttle.recordFailure(engineer, "r1")).isZero();
    }

    @Test
    void failuresAreForgottenAfterAQuietPeriod() {
        throttle.recordFailure(attacker, "r1");
        throttle.recordFailure(attacker, "r1");
        now = now.plus(LoginThrottle.FORGET_AFTER).plusSeconds(1);

        assertThat(throttle.failureCount(attacker, "r1")).isZero();
        assertThat(throttle.recordFailure(attacker, "r1")).isZero();
        assertThat(throttle.failureCount(attacker, "r1")).isEqualTo(1);
    }

    @Test
    void fullTableDelaysNewAddressesUntilStaleOnesExpire() {
        LoginThrottle strict = new LoginThrottle(5, DELAY, clock);
        for (int i = 0; i < LoginThrottle.MAX_TRACKED; i++) {
            strict.recordFailure(address(i), "r1");
        }

        assertThat(strict.recordFailure(address(LoginThrottle.MAX_TRACKED + 1), "r1")).isEqualTo(DELAY);

        now = now.plus(LoginThrottle.FORGET_AFTER).plusSeconds(1);
        assertThat(strict.recordFailure(address(LoginThrottle.MAX_TRACKED + 1), "r1")).isZero();
    }

    private static InetAddress address(int n) {
        try {
            return InetAddress.getByAddress(new byte[] {10, (byte) (n >> 16), (byte) (n >> 8), (byte) n});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
