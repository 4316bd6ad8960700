package dev.ioslab.frontend.telnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginLineReaderTest {

    private final LoginLineReader reader = new LoginLineReader(8);

    @Test
    void eachLineEndingEndsExactlyOneLine() {
        for (String ending : List.of("\r", "\n", "\r\n", "\r\0")) {
            LoginLineReader fresh = new LoginLineReader(8);
            List<String> lines = feed(fresh, "admin" + ending + "cisco" + ending);

            assertThat(lines).as("ending %s", ending.chars().boxed().toList()).containsExactly("admin", "cisco");
        }
    }

    @Test
    void swallowsTheLineFeedOfACarriageReturnThatEndedAnEarlierRead() {
        assertThat(feed(reader, "admin\r")).containsExactly("admin");
        assertThat(reader.owesLineFeed()).isTrue();

        assertThat(feed(reader, "\ncisco\r\n")).containsExactly("cisco");
        assertThat(reader.owesLineFeed()).isFalse();
    }

    @Test
    void anEmptyLineAfterCrLfIsStillALine() {
        assertThat(feed(reader, "\r\n\r\n")).containsExactly("", "");
    }

    @Test
    void backspaceAndDeleteEraseAndStopAtTheStart() {
        assertThat(feed(reader, "\b\u007fadx\bm\u007fmin\r")).containsExactly("admin");
    }

    @Test
    void dropsCharactersPastTheCapAndControlBytes() {
        assertThat(feed(reader, "abcdefghijkl\u0001\u001b\r")).containsExactly("abcdefgh");
    }

    @Test
    void reportsWhatEachByteDid() {
        assertThat(reader.accept('a')).isEqualTo(LoginLineReader.Effect.APPENDED);
        assertThat(reader.accept(0x7f)).isEqualTo(LoginLineReader.Effect.ERASED);
        assertThat(reader.accept(0x7f)).isEqualTo(LoginLineReader.Effect.IGNORED);
        assertThat(reader.accept('\r')).isEqualTo(LoginLineReader.Effect.LINE_ENDED);
        assertThat(reader.accept(0)).isEqualTo(LoginLineReader.Effect.IGNORED);
        assertThat(reader.accept(0)).isEqualTo(LoginLineReader.Effect.IGNORED);
        assertThat(reader.accept('\n')).isEqualTo(LoginLineReader.Effect.LINE_ENDED);
    }

    private static List<String> feed(LoginLineReader reader, String text) {
        List<String> lines = new ArrayList<>();
        for (char c : text.toCharArray()) {
            if (reader.accept(c) == LoginLineReader.Effect.LINE_ENDED) {
                lines.add(reader.takeLine());
            }
        }
        return lines;
    }
}
