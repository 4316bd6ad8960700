package dev.ioslab.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Type 7 encoding (reference §7.3), checked against strings found in real configurations. */
class Type7Test {

    @Test
    void decodesKnownVectorsFromRealConfigs() {
        // §7.1 / §7.3: "enable password 7 030C5E12", "ip ftp password 7 050A0A1B725E5E59580B03",
        // "username eric password 7 06041A2D405D014811", and the well-known "cisco".
        assertThat(Type7.decode("030C5E12")).hasValue("hey");
        assertThat(Type7.decode("050A0A1B725E5E59580B03")).hasValue("alt3rp0!nt");
        assertThat(Type7.decode("06041A2D405D014811")).hasValue("bullsh1t");
        assertThat(Type7.decode("000C1C0406521F")).hasValue("hobbit");
        assertThat(Type7.decode("1108151112005A5E57")).hasValue("alter123");
        assertThat(Type7.decode("0822455D0A16")).hasValue("cisco");
    }

    @Test
    void roundTripsAnyPrintableText() {
        for (String plain : new String[] {"", "a", "cisco", "Secr3t!", "a much longer password of sixty characters "
                + "or so, to wrap the key table", "~`!@#$%^&*()_+-={}[]|:;'<>,.?/"}) {
            String encoded = Type7.encode(plain);
            assertThat(encoded).matches("(0\\d|1[0-5])([0-9A-F]{2})*");
            assertThat(Type7.decode(encoded)).hasValue(plain);
        }
    }

    @Test
    void encodesTheSameTextTheSameWay() {
        assertThat(Type7.encode("cisco")).isEqualTo(Type7.encode("cisco"));
    }

    @Test
    void refusesWhatIsNotType7() {
        assertThat(Type7.decode("")).isEmpty();
        assertThat(Type7.decode("1")).isEmpty();
        assertThat(Type7.decode("16AB")).isEmpty();
        assertThat(Type7.decode("03ABC")).isEmpty();
        assertThat(Type7.decode("03GG")).isEmpty();
    }
}
