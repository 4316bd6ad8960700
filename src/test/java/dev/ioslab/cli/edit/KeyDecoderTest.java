package dev.ioslab.cli.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.cli.edit.Key.Control;
import dev.ioslab.cli.edit.Key.Printable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyDecoderTest {

    private final KeyDecoder decoder = new KeyDecoder();

    private List<Key> feed(String script) {
        List<Key> keys = new ArrayList<>();
        for (byte b : Keystrokes.of(script)) {
            Key key = decoder.feed(b);
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static List<Key> printables(String text) {
        List<Key> keys = new ArrayList<>();
        for (char c : text.toCharArray()) {
            keys.add(new Printable(c));
        }
        return keys;
    }

    @Test
    void decodesEveryPrintableAsciiByteAsItself() {
        for (int b = 0x20; b <= 0x7E; b++) {
            assertThat(decoder.feed(b)).isEqualTo(new Printable((char) b));
        }
    }

    @ParameterizedTest(name = "0x{0} -> {1}")
    @CsvSource({
        "01, HOME", "02, LEFT", "03, INTERRUPT", "04, DELETE_FORWARD", "05, END", "06, RIGHT", "08, BACKSPACE",
        "09, TAB", "0A, ENTER", "0B, KILL_TO_END", "0C, REDRAW", "0D, ENTER", "0E, DOWN", "10, UP", "12, REDRAW",
        "14, TRANSPOSE", "15, KILL_TO_START", "17, KILL_WORD_BACK", "18, KILL_TO_START", "19, YANK", "1A, CTRL_Z",
        "1E, INTERRUPT", "7F, BACKSPACE"
    })
    void mapsControlBytesToIosEditingKeys(String hex, Control expected) {
        assertThat(decoder.feed(Integer.parseInt(hex, 16))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "0x{0} ignored")
    @CsvSource({"00", "07", "0F", "11", "13", "16", "1C", "1D", "1F", "80", "9B", "C3", "FF"})
    void ignoresControlBytesWithoutIosMeaningAndEightBitBytes(String hex) {
        assertThat(decoder.feed(Integer.parseInt(hex, 16))).isNull();
        assertThat(decoder.feed('a')).isEqualTo(new Printable('a'));
    }

    @Test
    void acceptsSignedJavaBytes() {
        assertThat(decoder.feed((byte) 0xC3)).isNull();
        assertThat(decoder.feed((byte) 0x0D)).isEqualTo(Control.ENTER);
        assertThat(decoder.feed(-1)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"show<CR>", "show<LF>", "show<CR><LF>", "show<CR><NUL>"})
    void treatsEachLineTerminatorAsExactlyOneEnter(String script) {
        assertThat(feed(script)).endsWith(Control.ENTER).containsOnlyOnce(Control.ENTER).hasSize(5);
    }

    @Test
    void treatsLfThenCrAsTwoEnters() {
        assertThat(feed("\n\r")).containsExactly(Control.ENTER, Control.ENTER);
    }

    @Test
    void treatsTwoCrsAsTwoEnters() {
        assertThat(feed("\r\r\n")).containsExactly(Control.ENTER, Control.ENTER);
    }

    @Test
    void pairsOnlyTheByteImmediatelyAfterCr() {
        assertThat(feed("\rx\n")).containsExactly(Control.ENTER, new Printable('x'), Control.ENTER);
        assertThat(feed("\r\n\n")).containsExactly(Control.ENTER, Control.ENTER);
    }

    @Test
    void remembersCrAcrossSeparateFeedsSoALateLfIsSwallowed() {
        // Netmiko telnet: "cmd\r\n", where the LF may be decoded only after the command ran.
        assertThat(feed("terminal length 0\r")).endsWith(Control.ENTER);
        assertThat(feed("\n")).isEmpty();
        assertThat(feed("\n")).containsExactly(Control.ENTER);
    }

    @Test
    void nulAloneIsIgnoredButNulAfterCrIsSwallowed() {
        assertThat(feed("<NUL>a<CR><NUL><NUL>")).containsExactly(new Printable('a'), Control.ENTER);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "<ESC>[A, UP", "<ESC>[B, DOWN", "<ESC>[C, RIGHT", "<ESC>[D, LEFT",
        "<ESC>OA, UP", "<ESC>OB, DOWN", "<ESC>OC, RIGHT", "<ESC>OD, LEFT",
        "<ESC>[H, HOME", "<ESC>[1~, HOME", "<ESC>[7~, HOME", "<ESC>OH, HOME",
        "<ESC>[F, END", "<ESC>[4~, END", "<ESC>[8~, END", "<ESC>OF, END",
        "<ESC>[3~, DELETE_FORWARD",
        "<ESC>b, WORD_LEFT", "<ESC>B, WORD_LEFT", "<ESC>f, WORD_RIGHT", "<ESC>F, WORD_RIGHT"
    })
    void decodesVt100AndMetaSequences(String script, Control expected) {
        assertThat(feed(script)).containsExactly(expected);
    }

    @Test
    void keysFromNamedScriptTokensMatchTheirControls() {
        assertThat(Keystrokes.keys("<UP><DOWN><RIGHT><LEFT><HOME><END><DELETE><M-b><M-f><TAB><BS><DEL><C-^>"))
                .containsExactly(Control.UP, Control.DOWN, Control.RIGHT, Control.LEFT, Control.HOME, Control.END,
                        Control.DELETE_FORWARD, Control.WORD_LEFT, Control.WORD_RIGHT, Control.TAB,
                        Control.BACKSPACE, Control.BACKSPACE, Control.INTERRUPT);
    }

    @Test
    void completesAnEscapeSequenceSplitAcrossFeeds() {
        assertThat(feed("<ESC>")).isEmpty();
        assertThat(feed("[")).isEmpty();
        assertThat(feed("3")).isEmpty();
        assertThat(feed("~")).containsExactly(Control.DELETE_FORWARD);
        assertThat(feed("<ESC>O")).isEmpty();
        assertThat(feed("A")).containsExactly(Control.UP);
    }

    @Test
    void decodesAMixedScriptInOrder() {
        assertThat(Keystrokes.keys("sh<ESC>[A<ESC>OD<ESC>[3~x<ESC>[1;5C\r\n<ESC>b<CR><NUL>y"))
                .containsExactly(new Printable('s'), new Printable('h'), Control.UP, Control.LEFT,
                        Control.DELETE_FORWARD, new Printable('x'), Control.ENTER, Control.WORD_LEFT, Control.ENTER,
                        new Printable('y'));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<ESC>[1;5C", "<ESC>[?25h", "<ESC>[2~", "<ESC>[5~", "<ESC>[200~", "<ESC>[ q", "<ESC>[Z",
        "<ESC>[1A", "<ESC>OP", "<ESC>Ox"})
    void consumesAndIgnoresOtherControlSequences(String script) {
        assertThat(feed(script + "a")).containsExactly(new Printable('a'));
    }

    @Test
    void dropsAnEscFollowedByAnUnexpectedByteButKeepsTheByte() {
        assertThat(feed("<ESC>x")).containsExactly(new Printable('x'));
        assertThat(feed("<ESC>\r")).containsExactly(Control.ENTER);
        assertThat(feed("<ESC><C-c>")).containsExactly(Control.INTERRUPT);
        assertThat(feed("<ESC><ESC>[A")).containsExactly(Control.UP);
    }

    @Test
    void abandonsAControlSequenceInterruptedByAControlByte() {
        assertThat(feed("<ESC>[12\rok")).containsExactly(Control.ENTER, new Printable('o'), new Printable('k'));
        assertThat(feed("<ESC>[1<ESC>[D")).containsExactly(Control.LEFT);
        assertThat(feed("<ESC>O\r")).containsExactly(Control.ENTER);
    }

    @Test
    void abandonsAnOverlongControlSequenceAndDecodesTheRestAsInput() {
        String parameters = "1;".repeat(5_000);
        List<Key> keys = feed("<ESC>[" + parameters + "A");
        String expectedRest = parameters.substring(KeyDecoder.MAX_SEQUENCE_LENGTH) + "A";
        assertThat(keys).isEqualTo(printables(expectedRest));
        assertThat(feed("ok\r")).containsExactly(new Printable('o'), new Printable('k'), Control.ENTER);
    }

    @Test
    void acceptsAControlSequenceExactlyAtTheLengthBound() {
        String parameters = "0".repeat(KeyDecoder.MAX_SEQUENCE_LENGTH - 1) + "3";
        assertThat(feed("<ESC>[" + parameters + "~z")).containsExactly(new Printable('z'));
    }

    @Test
    void findsTheFirstInterruptKeyInRawInputWhateverSurroundsIt() {
        byte[] typed = {'s', 'h', 0x1b, '[', 'A', 0x1e, 'x', 0x03};
        assertThat(KeyDecoder.indexOfInterrupt(typed, 0, typed.length)).as("Ctrl-^").isEqualTo(5);
        assertThat(KeyDecoder.indexOfInterrupt(typed, 6, 2)).as("Ctrl-C after it").isEqualTo(7);
        assertThat(KeyDecoder.indexOfInterrupt(typed, 0, 5)).as("none in the first five").isEqualTo(-1);
        for (byte b : new byte[] {0x03, 0x1e}) {
            KeyDecoder decoder = new KeyDecoder();
            assertThat(decoder.feed(b)).as("what the decoder makes of it").isEqualTo(Control.INTERRUPT);
        }
    }
}
