package dev.ioslab.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretCheckTest {

    private final SecretCheck check = new SecretCheck();

    @Test
    void aRememberedSecretStillRefusesEveryOtherPassword() {
        Credential secret = Credential.secret("cisco");
        assertThat(check.matches(secret, "cisco")).isTrue();
        assertThat(check.matches(secret, "cisco")).isTrue();
        assertThat(check.matches(secret, "Cisco")).isFalse();
        assertThat(check.matches(secret, "cisco ")).isFalse();
        assertThat(check.matches(secret, "")).isFalse();
    }

    @Test
    void aChangedSecretWithTheSamePasswordOrAnotherIsCheckedAgainstItsOwnHash() {
        Credential old = Credential.secret("first");
        assertThat(check.matches(old, "first")).isTrue();
        Credential changed = Credential.secret("second");
        assertThat(check.matches(changed, "first")).isFalse();
        assertThat(check.matches(changed, "second")).isTrue();
        // More secrets than it remembers: the oldest is forgotten and checked in full again, with the same answers.
        for (int i = 0; i < 6; i++) {
            assertThat(check.matches(Credential.secret("p" + i), "p" + i)).isTrue();
        }
        assertThat(check.matches(old, "first")).isTrue();
        assertThat(check.matches(old, "second")).isFalse();
    }

    @Test
    void clearAndReversiblePasswordsAreComparedAsBefore() {
        assertThat(check.matches(Credential.password("lab"), "lab")).isTrue();
        assertThat(check.matches(Credential.password("lab"), "lab2")).isFalse();
        assertThat(check.matches(Credential.password("lab").encrypted(), "lab")).isTrue();
        assertThat(check.matches(Credential.password("lab").encrypted(), "LAB")).isFalse();
    }
}
