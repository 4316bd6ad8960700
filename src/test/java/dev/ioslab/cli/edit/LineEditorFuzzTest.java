package dev.ioslab.cli.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds random and adversarial byte streams through a {@link KeyDecoder} and a {@link LineEditor} driven like the CLI
 * session drives them, and checks the invariants automation relies on. The seed is fixed so a failure repeats.
 */
class LineEditorFuzzTest {

    private static final long SEED = 0x105_1AB_2026L;
    private static final int SEQUENCES = 100_000;
    private static final int MAX_LINE = 512;
    private static final byte[][] FRAGMENTS = {
        Keystrokes.of("<ESC>"), Keystrokes.of("<ESC>["), Keystrokes.of("<ESC>O"), Keystrokes.of("<ESC>[3~"),
        Keystrokes.of("<ESC>[1;5C"), Keystrokes.of("<ESC>[?1049h"), Keystrokes.of("<ESC>[" + "9".repeat(40)),
        Keystrokes.of("<UP>"), Keystrokes.of("<DOWN>"), Keystrokes.of("<LEFT>"), Keystrokes.of("<RIGHT>"),
        Keystrokes.of("<M-b>"), Keystrokes.of("<M-f>"), Keystrokes.of("\r\n"), Keystrokes.of("<CR><NUL>"),
        Keystrokes.of("\n\r"), Keystrokes.of("?"), Keystrokes.of("<TAB>"), Keystrokes.of("<C-y><C-y><C-y>"),
        // Invalid UTF-8: lone continuation, overlong slash, encoded surrogate, truncated 4-byte, 0xFE/0xFF.
        {(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF0, (byte) 0x9F}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0x9B, '3', '~'},
    };

    private final Random random = new Random(SEED);
    private final History history = new History(History.MAX_SIZE);
    private final KeyDecoder decoder = new KeyDecoder();
    private final List<String> problems = new ArrayList<>();
    private long written;
    private final LineEditor editor = new LineEditor(this::checkOutput, history, MAX_LINE);

    /** The terminal sees nothing but 7-bit text, whatever the input. */
    private void checkOutput(String text) {
        written += text.length();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F && problems.size() < 10) {
                problems.add("non-ASCII output: " + (int) text.charAt(i));
            }
        }
    }

    @Test
    void survivesRandomAndAdversarialInputWithinBounds() {
        editor.begin("R1#", true);
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            feed(nextSequence(sequence));
            if (sequence % 10_000 == 9_999) {
                assertNormalLineStillWorks();
            }
        }
        assertThat(problems).isEmpty();
        assertThat(history.entries()).hasSizeLessThanOrEqualTo(History.MAX_SIZE);
        assertThat(written).isPositive();
        assertNormalLineStillWorks();
    }

    /**
     * A pending escape sequence may legitimately absorb the next byte, as on a real terminal, so the probe starts with
     * Ctrl-C: that ends any sequence and clears the line, which is what a user would type.
     */
    private void assertNormalLineStillWorks() {
        editor.begin("R1#", true);
        List<EditorEvent> events = new ArrayList<>();
        for (byte b : Keystrokes.of("<C-c>show version\r")) {
            Key key = decoder.feed(b);
            EditorEvent event = key == null ? null : editor.handle(key);
            if (event != null) {
                events.add(event);
            }
        }
        assertThat(events).containsExactly(new EditorEvent.Interrupt(), new EditorEvent.Enter("show version"));
        assertThat(history.entries()).last().isEqualTo("show version");
        editor.begin("R1#", true);
    }

    private byte[] nextSequence(int index) {
        // A few 64 KiB lines (every 1,000th sequence) keep the whole run fast while still hitting the limit hard.
        if (index % 1_000 == 500) {
            return longLine(65_536);
        }
        return switch (random.nextInt(4)) {
            case 0 -> randomBytes(random.nextInt(64), 256);
            case 1 -> randomBytes(random.nextInt(64), 0x20);
            case 2 -> fragments(1 + random.nextInt(8));
            default -> printableWithEdits(random.nextInt(80));
        };
    }

    private byte[] randomBytes(int length, int bound) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(bound);
        }
        return bytes;
    }

    private byte[] fragments(int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            out.writeBytes(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            if (random.nextBoolean()) {
                out.write(0x20 + random.nextInt(0x5F));
            }
        }
        return out.toByteArray();
    }

    private byte[] printableWithEdits(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = random.nextInt(8) == 0 ? (byte) random.nextInt(0x20) : (byte) (0x20 + random.nextInt(0x5F));
        }
        return bytes;
    }

    private byte[] longLine(int length) {
        byte[] bytes = new byte[length + 1];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) ('a' + random.nextInt(26));
        }
        // Jump back before the line is full so the limit is also hit by inserts in the middle.
        bytes[MAX_LINE / 2] = 0x01;
        bytes[length] = '\r';
        return bytes;
    }

    private void feed(byte[] bytes) {
        for (byte b : bytes) {
            Key key = decoder.feed(b);
            if (key == null) {
                continue;
            }
            EditorEvent event = editor.handle(key);
            checkEditorState();
            if (event != null) {
                actAsHost(event);
                checkEditorState();
            }
        }
    }

    /** Does what the CLI session does with each event, with random choices where the session's answer varies. */
    private void actAsHost(EditorEvent event) {
        if (event instanceof EditorEvent.Help) {
            editor.redraw();
        } else if (event instanceof EditorEvent.Complete) {
            if (random.nextBoolean()) {
                editor.insert("a".repeat(random.nextInt(40)));
            } else {
                editor.bell();
            }
        } else if (event instanceof EditorEvent.Enter enter) {
            if (enter.line().length() > MAX_LINE && problems.size() < 10) {
                problems.add("line longer than the limit: " + enter.line().length());
            }
            // Now and then a password prompt, where the rules differ.
            editor.begin(random.nextInt(10) == 0 ? "Password: " : "R1#", random.nextInt(10) != 0);
        } else {
            editor.begin("R1#", true);
        }
    }

    private void checkEditorState() {
        int length = editor.length();
        int cursor = editor.cursor();
        if ((length > MAX_LINE || cursor < 0 || cursor > length) && problems.size() < 10) {
            problems.add("buffer " + length + " cursor " + cursor);
        }
    }
}
