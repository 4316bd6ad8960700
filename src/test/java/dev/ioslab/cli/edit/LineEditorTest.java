package dev.ioslab.cli.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LineEditorTest {

    private static final String BELL = "\u0007";

    private final EditorFixture fixture = new EditorFixture(512);
    private final LineEditor editor = fixture.editor();

    @BeforeEach
    void startLine() {
        editor.begin("R1#", true);
        assertThat(fixture.takeOutput()).isEqualTo("R1#");
    }

    /** Types {@code setup}, forgets its echo, then types {@code script} and returns only that echo. */
    private String echoOf(String setup, String script) {
        fixture.type(setup);
        fixture.takeOutput();
        fixture.type(script);
        return fixture.takeOutput();
    }

    private static String bs(int count) {
        return "\b".repeat(count);
    }

    @Nested
    class Typing {

        @Test
        void echoesCharactersAtTheEndOfTheLineExactlyAsTyped() {
            fixture.type("show version");
            assertThat(fixture.takeOutput()).isEqualTo("show version");
            assertThat(editor.buffer()).isEqualTo("show version");
            assertThat(editor.cursor()).isEqualTo(12);
        }

        @Test
        void enterWritesCrLfAndReturnsTheLineWithItsWhitespace() {
            List<EditorEvent> events = fixture.type("  show  ver \r");
            assertThat(events).containsExactly(new EditorEvent.Enter("  show  ver "));
            assertThat(fixture.takeOutput()).isEqualTo("  show  ver \r\n");
            assertThat(editor.buffer()).isEmpty();
            assertThat(editor.cursor()).isZero();
        }

        @Test
        void blankEnterReturnsAnEmptyLine() {
            assertThat(fixture.type("\r")).containsExactly(new EditorEvent.Enter(""));
            assertThat(fixture.takeOutput()).isEqualTo("\r\n");
        }

        @Test
        void insertingInTheMiddleRewritesTheTailAndStepsBack() {
            assertThat(echoOf("sow<LEFT><LEFT>", "h")).isEqualTo("how" + bs(2));
            assertThat(editor.buffer()).isEqualTo("show");
            assertThat(editor.cursor()).isEqualTo(2);
        }

        @Test
        void aCrLfBurstGivesOneLinePerCommand() {
            List<EditorEvent> events = fixture.type("terminal width 511\r\nterminal length 0\r\n");
            assertThat(events).containsExactly(new EditorEvent.Enter("terminal width 511"),
                    new EditorEvent.Enter("terminal length 0"));
        }
    }

    @Nested
    class Deleting {

        @Test
        void backspaceAtTheEndErasesOneColumn() {
            assertThat(echoOf("ab", "<BS>")).isEqualTo("\b \b");
            assertThat(editor.buffer()).isEqualTo("a");
        }

        @Test
        void delByteIsBackspaceToo() {
            assertThat(echoOf("ab", "<DEL>")).isEqualTo("\b \b");
            assertThat(editor.buffer()).isEqualTo("a");
        }

        @Test
        void backspaceInTheMiddleShiftsTheTailLeft() {
            assertThat(echoOf("abcd<LEFT><LEFT>", "<BS>")).isEqualTo("\bcd " + bs(3));
            assertThat(editor.buffer()).isEqualTo("acd");
            assertThat(editor.cursor()).isEqualTo(1);
        }

        @Test
        void backspaceAtColumnZeroRingsTheBell() {
            assertThat(echoOf("ab<C-a>", "<BS>")).isEqualTo(BELL);
            assertThat(editor.buffer()).isEqualTo("ab");
        }

        @Test
        void deleteForwardRemovesTheCharacterUnderTheCursor() {
            assertThat(echoOf("abcd<C-a>", "<C-d>")).isEqualTo("bcd " + bs(4));
            assertThat(editor.buffer()).isEqualTo("bcd");
            assertThat(editor.cursor()).isZero();
            assertThat(echoOf("", "<DELETE>")).isEqualTo("cd " + bs(3));
        }

        @Test
        void deleteForwardAtTheEndRingsTheBell() {
            assertThat(echoOf("ab", "<C-d>")).isEqualTo(BELL);
            assertThat(editor.buffer()).isEqualTo("ab");
        }
    }

    @Nested
    class Moving {

        @Test
        void leftStepsBackAndRightRewritesTheCharacter() {
            assertThat(echoOf("abc", "<LEFT>")).isEqualTo("\b");
            assertThat(echoOf("", "<C-b>")).isEqualTo("\b");
            assertThat(editor.cursor()).isEqualTo(1);
            assertThat(echoOf("", "<RIGHT>")).isEqualTo("b");
            assertThat(echoOf("", "<C-f>")).isEqualTo("c");
            assertThat(editor.cursor()).isEqualTo(3);
        }

        @Test
        void leftAtTheStartAndRightAtTheEndRingTheBell() {
            assertThat(echoOf("", "<LEFT>")).isEqualTo(BELL);
            assertThat(echoOf("a", "<RIGHT>")).isEqualTo(BELL);
        }

        @Test
        void homeAndEndJumpToTheEdges() {
            assertThat(echoOf("abc", "<C-a>")).isEqualTo(bs(3));
            assertThat(editor.cursor()).isZero();
            assertThat(echoOf("", "<C-e>")).isEqualTo("abc");
            assertThat(echoOf("<HOME>", "<END>")).isEqualTo("abc");
            assertThat(echoOf("", "<END>")).isEmpty();
        }

        @Test
        void wordLeftGoesToTheStartOfThePreviousWord() {
            assertThat(echoOf("show ip  route", "<M-b>")).isEqualTo(bs(5));
            assertThat(editor.cursor()).isEqualTo(9);
            assertThat(echoOf("", "<M-b>")).isEqualTo(bs(4));
            assertThat(editor.cursor()).isEqualTo(5);
            assertThat(echoOf("<C-a>", "<M-b>")).isEqualTo(BELL);
        }

        @Test
        void wordRightGoesToTheEndOfTheNextWord() {
            assertThat(echoOf("show ip  route<C-a>", "<M-f>")).isEqualTo("show");
            assertThat(echoOf("", "<M-f>")).isEqualTo(" ip");
            assertThat(echoOf("", "<M-f>")).isEqualTo("  route");
            assertThat(echoOf("", "<M-f>")).isEqualTo(BELL);
        }
    }

    @Nested
    class KillingAndYanking {

        @Test
        void killToEndBlanksTheTailAndYankBringsItBack() {
            assertThat(echoOf("show version<C-a><M-f>", "<C-k>")).isEqualTo(" ".repeat(8) + bs(8));
            assertThat(editor.buffer()).isEqualTo("show");
            assertThat(echoOf("", "<C-y>")).isEqualTo(" version");
            assertThat(editor.buffer()).isEqualTo("show version");
        }

        @Test
        void killToStartRemovesEverythingBeforeTheCursor() {
            assertThat(echoOf("show version<M-b>", "<C-u>")).isEqualTo(bs(5) + "version" + " ".repeat(5) + bs(12));
            assertThat(editor.buffer()).isEqualTo("version");
            assertThat(editor.cursor()).isZero();
        }

        @Test
        void ctrlXKillsToStartLikeCtrlU() {
            fixture.type("abc<LEFT><C-x>");
            assertThat(editor.buffer()).isEqualTo("c");
            assertThat(editor.cursor()).isZero();
        }

        @Test
        void killWordBackTakesTheWordAndTheSpacesAfterIt() {
            assertThat(echoOf("show ip route  ", "<C-w>")).isEqualTo(bs(7) + " ".repeat(7) + bs(7));
            assertThat(editor.buffer()).isEqualTo("show ip ");
            assertThat(echoOf("<LEFT>", "<C-w>")).isEqualTo(bs(2) + " " + "  " + bs(3));
            assertThat(editor.buffer()).isEqualTo("show  ");
        }

        @Test
        void killWordBackAtColumnZeroRingsTheBell() {
            assertThat(echoOf("", "<C-w>")).isEqualTo(BELL);
        }

        @Test
        void yankInsertsTheLastKilledTextAtTheCursor() {
            fixture.type("ip<C-w>show <C-y>");
            assertThat(editor.buffer()).isEqualTo("show ip");
            assertThat(echoOf("<C-a>", "<C-y>")).isEqualTo("ipshow ip" + bs(7));
            assertThat(editor.buffer()).isEqualTo("ipshow ip");
        }

        @Test
        void yankWithNothingKilledRingsTheBell() {
            assertThat(echoOf("ab", "<C-y>")).isEqualTo(BELL);
        }
    }

    @Nested
    class OtherKeys {

        @Test
        void transposeSwapsTheTwoCharactersBeforeTheCursor() {
            assertThat(echoOf("shwo", "<C-t>")).isEqualTo("\b\bow");
            assertThat(editor.buffer()).isEqualTo("show");
            assertThat(editor.cursor()).isEqualTo(4);
        }

        @Test
        void transposeWithFewerThanTwoCharactersRingsTheBell() {
            assertThat(echoOf("ab<LEFT>", "<C-t>")).isEqualTo(BELL);
            assertThat(editor.buffer()).isEqualTo("ab");
        }

        @Test
        void redrawKeyRepaintsOnANewLineAndRestoresTheCursor() {
            assertThat(echoOf("show<LEFT><LEFT>", "<C-l>")).isEqualTo("\r\nR1#show" + bs(2));
            assertThat(echoOf("", "<C-r>")).isEqualTo("\r\nR1#show" + bs(2));
        }

        @Test
        void interruptWritesCaretCAndClearsTheLine() {
            assertThat(fixture.type("conf t<C-c>")).containsExactly(new EditorEvent.Interrupt());
            assertThat(fixture.takeOutput()).isEqualTo("conf t^C\r\n");
            assertThat(editor.buffer()).isEmpty();
            assertThat(fixture.type("x<C-^>")).containsExactly(new EditorEvent.Interrupt());
        }

        @Test
        void ctrlZWritesCaretZAndClearsTheLine() {
            assertThat(fixture.type("hostname R2<C-z>")).containsExactly(new EditorEvent.EndConfig());
            assertThat(fixture.takeOutput()).isEqualTo("hostname R2^Z\r\n");
            assertThat(editor.buffer()).isEmpty();
            assertThat(fixture.history().entries()).isEmpty();
        }

        @Test
        void bellWritesBel() {
            editor.bell();
            assertThat(fixture.takeOutput()).isEqualTo(BELL);
        }
    }

    @Nested
    class HelpAndCompletion {

        @Test
        void questionMarkAsksForHelpWithoutEnteringTheBuffer() {
            assertThat(fixture.type("show ?")).containsExactly(new EditorEvent.Help("show "));
            assertThat(fixture.takeOutput()).isEqualTo("show ?\r\n");
            assertThat(editor.buffer()).isEqualTo("show ");
        }

        @Test
        void redrawAfterHelpWritesPromptAndLineWithTheCursorInPlace() {
            assertThat(fixture.type("show ip<LEFT><LEFT>?")).containsExactly(new EditorEvent.Help("show "));
            fixture.takeOutput();
            editor.redraw();
            assertThat(fixture.takeOutput()).isEqualTo("R1#show ip" + bs(2));
            fixture.type("x");
            assertThat(editor.buffer()).isEqualTo("show xip");
        }

        @Test
        void enterAfterHelpRunsTheKeptLineAsAnsibleExpects() {
            // Ansible get_defaults_flag(): "show running-config ?\r".
            assertThat(fixture.type("show running-config ?\r")).containsExactly(
                    new EditorEvent.Help("show running-config "), new EditorEvent.Enter("show running-config "));
        }

        @Test
        void tabAsksForCompletionAndWritesNothing() {
            assertThat(fixture.type("sh ver<TAB>")).containsExactly(new EditorEvent.Complete("sh ver"));
            assertThat(fixture.takeOutput()).isEqualTo("sh ver");
            editor.insert("sion");
            assertThat(fixture.takeOutput()).isEqualTo("sion");
            assertThat(editor.buffer()).isEqualTo("sh version");
        }

        @Test
        void completionPassesOnlyTheTextBeforeTheCursorAndInsertsThere() {
            assertThat(fixture.type("sh ip<LEFT><LEFT><LEFT><TAB>")).containsExactly(new EditorEvent.Complete("sh"));
            fixture.takeOutput();
            editor.insert("ow");
            assertThat(fixture.takeOutput()).isEqualTo("ow ip" + bs(3));
            assertThat(editor.buffer()).isEqualTo("show ip");
        }

        @Test
        void insertRejectsControlCharacters() {
            assertThatThrownBy(() -> editor.insert("a\rb")).isInstanceOf(IllegalArgumentException.class);
            assertThat(editor.buffer()).isEmpty();
        }
    }

    @Nested
    class HistoryWalk {

        @BeforeEach
        void runTwoCommands() {
            fixture.type("show clock\r");
            editor.begin("R1#", true);
            fixture.type("show version\r");
            editor.begin("R1#", true);
            fixture.takeOutput();
        }

        @Test
        void enterRecordsEchoedLines() {
            assertThat(fixture.history().entries()).containsExactly("show clock", "show version");
        }

        @Test
        void upShowsNewerEntriesFirstErasingWhatWasShown() {
            assertThat(echoOf("", "<UP>")).isEqualTo("show version");
            assertThat(echoOf("", "<C-p>")).isEqualTo(bs(12) + " ".repeat(12) + bs(12) + "show clock");
            assertThat(editor.buffer()).isEqualTo("show clock");
            assertThat(editor.cursor()).isEqualTo(10);
        }

        @Test
        void upAtTheOldestEntryRingsTheBell() {
            assertThat(echoOf("<UP><UP>", "<UP>")).isEqualTo(BELL);
            assertThat(editor.buffer()).isEqualTo("show clock");
        }

        @Test
        void downPastTheNewestRestoresWhatWasBeingTyped() {
            fixture.type("sh cl<LEFT><UP><UP>");
            assertThat(echoOf("", "<DOWN>")).isEqualTo(bs(10) + " ".repeat(10) + bs(10) + "show version");
            assertThat(echoOf("", "<C-n>")).isEqualTo(bs(12) + " ".repeat(12) + bs(12) + "sh cl");
            assertThat(editor.cursor()).isEqualTo(5);
        }

        @Test
        void downWhenNotWalkingRingsTheBell() {
            assertThat(echoOf("sh", "<DOWN>")).isEqualTo(BELL);
        }

        @Test
        void erasingStartsFromTheCursorNotTheEnd() {
            fixture.type("abc<LEFT><LEFT>");
            assertThat(echoOf("", "<UP>")).isEqualTo("\b   " + bs(3) + "show version");
        }

        @Test
        void aRecalledLineCanBeEditedAndEntered() {
            assertThat(fixture.type("<UP><BS><BS><BS><BS><BS><BS><BS>clock\r"))
                    .containsExactly(new EditorEvent.Enter("show clock"));
            assertThat(fixture.history().entries()).containsExactly("show clock", "show version", "show clock");
        }

        @Test
        void aNewLineStartsOutsideTheHistory() {
            fixture.type("<UP><UP>");
            editor.begin("R1#", true);
            assertThat(echoOf("", "<DOWN>")).isEqualTo(BELL);
            assertThat(echoOf("", "<UP>")).isEqualTo("show version");
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void beginWithInitialTextEchoesItAfterThePrompt() {
            editor.begin("R1(config)#", true, "interface Gi0/0");
            assertThat(fixture.takeOutput()).isEqualTo("R1(config)#interface Gi0/0");
            assertThat(editor.buffer()).isEqualTo("interface Gi0/0");
            assertThat(editor.cursor()).isEqualTo(15);
        }

        @Test
        void beginDiscardsTheUnfinishedLine() {
            fixture.type("abc");
            editor.begin("R1#", true);
            assertThat(editor.buffer()).isEmpty();
            assertThat(fixture.type("x\r")).containsExactly(new EditorEvent.Enter("x"));
        }

        @Test
        void crLfPairingSurvivesANewLine() {
            // Netmiko telnet sends "cmd\r\n"; the host runs the command between the CR and the LF.
            assertThat(fixture.type("show clock\r")).containsExactly(new EditorEvent.Enter("show clock"));
            editor.begin("\r\nR1#", true);
            assertThat(fixture.type("\nshow version\r")).containsExactly(new EditorEvent.Enter("show version"));
            editor.begin("R1#", true);
            assertThat(fixture.type("<NUL>\n")).containsExactly(new EditorEvent.Enter(""));
        }

        @Test
        void rejectsANonPositiveLineLimit() {
            assertThatThrownBy(() -> new LineEditor(text -> { }, new History(10), 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void eachKeyWritesAtMostOneChunk() {
            List<String> chunks = new ArrayList<>();
            LineEditor counted = new LineEditor(chunks::add, new History(10), 80);
            counted.begin("R1#", true);
            for (Key key : Keystrokes.keys("show ip<C-a><C-k><C-y><LEFT><BS><C-w><UP>")) {
                int before = chunks.size();
                counted.handle(key);
                assertThat(chunks.size() - before).as("chunks for %s", key).isLessThanOrEqualTo(1);
            }
            assertThat(chunks).doesNotContain("");
        }
    }

    @Nested
    class LineLimit {

        private final EditorFixture small = new EditorFixture(5);
        private final LineEditor limited = small.editor();

        @BeforeEach
        void startLine() {
            limited.begin(">", true);
            small.takeOutput();
        }

        @Test
        void dropsCharactersBeyondTheLimitWithABell() {
            small.type("abcdefg");
            assertThat(small.takeOutput()).isEqualTo("abcde" + BELL + BELL);
            assertThat(limited.buffer()).isEqualTo("abcde");
            assertThat(small.type("\r")).containsExactly(new EditorEvent.Enter("abcde"));
        }

        @Test
        void insertTakesWhatFitsAndRingsTheBell() {
            small.type("ab<LEFT>");
            small.takeOutput();
            limited.insert("xyzw");
            assertThat(small.takeOutput()).isEqualTo("xyzb\b" + BELL);
            assertThat(limited.buffer()).isEqualTo("axyzb");
        }

        @Test
        void yankTakesWhatFits() {
            small.type("abcd<C-u>xy<C-y>");
            assertThat(limited.buffer()).isEqualTo("xyabc");
        }

        @Test
        void initialTextIsCutToTheLimit() {
            limited.begin(">", true, "abcdefgh");
            assertThat(small.takeOutput()).isEqualTo(">abcde");
            assertThat(limited.buffer()).isEqualTo("abcde");
        }

        @Test
        void aRecalledLongerEntryIsCutToTheLimit() {
            small.history().add("show version");
            small.type("<UP>");
            assertThat(limited.buffer()).isEqualTo("show ");
        }

        @Test
        void passwordInputIsBoundedToo() {
            limited.begin("Password: ", false);
            small.type("0123456789");
            assertThat(limited.buffer()).isEqualTo("01234");
        }
    }

    @Nested
    class WithoutEcho {

        @BeforeEach
        void askForPassword() {
            editor.begin("Password: ", false);
            assertThat(fixture.takeOutput()).isEqualTo("Password: ");
        }

        @Test
        void keepsTypedCharactersIncludingQuestionMarkSilently() {
            assertThat(fixture.type("se?cret<BS>\r")).containsExactly(new EditorEvent.Enter("se?cre"));
            assertThat(fixture.takeOutput()).isEqualTo("\r\n");
        }

        @Test
        void neverRecordsHistory() {
            fixture.type("secret\r");
            assertThat(fixture.history().entries()).isEmpty();
        }

        @Test
        void ignoresCursorHistoryKillAndTabKeys() {
            fixture.type("ab<LEFT><C-a><UP><C-k><C-u><C-w><C-t><TAB><C-l>c");
            assertThat(fixture.takeOutput()).isEmpty();
            assertThat(editor.buffer()).isEqualTo("abc");
        }

        @Test
        void backspaceAtColumnZeroIsSilent() {
            fixture.type("<BS>");
            assertThat(fixture.takeOutput()).isEmpty();
        }

        @Test
        void initialTextIsNotEchoed() {
            editor.begin("Password: ", false, "abc");
            assertThat(fixture.takeOutput()).isEqualTo("Password: ");
            editor.redraw();
            assertThat(fixture.takeOutput()).isEqualTo("Password: ");
            assertThat(editor.buffer()).isEqualTo("abc");
        }

        @Test
        void interruptStillWorks() {
            assertThat(fixture.type("abc<C-c>")).containsExactly(new EditorEvent.Interrupt());
            assertThat(fixture.takeOutput()).isEqualTo("^C\r\n");
            assertThat(editor.buffer()).isEmpty();
        }
    }

    @Test
    void printableKeyRejectsControlCharacters() {
        assertThatThrownBy(() -> new Key.Printable('\r')).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Key.Printable('\u00e9')).isInstanceOf(IllegalArgumentException.class);
    }
}
