package dev.ioslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.ioslab.cli.edit.Keystrokes;
import dev.ioslab.testing.CliTester;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Feeds 100,000 random and adversarial inputs through whole CLI sessions (decoder, editor, parser, commands, pager,
 * questions) on one device: control bytes, escape sequences, 64 KiB lines, invalid UTF-8, {@code ?}, Tab, pipes,
 * partial and real keywords in random order. No exception may escape, no command may fail internally, the
 * session must answer afterwards and nothing may grow without bound. Seed fixed so a failure repeats. Sessions that
 * the input closes ({@code exit}, {@code logout}) are replaced by a new one, as a user would log in again.
 */
class CliSessionFuzzTest {

    private static final long SEED = 0x10_5C11_2026L;
    private static final int INPUTS = 100_000;
    private static final String[] WORDS = {
        "show", "sh", "s", "version", "ver", "running-config", "run", "startup-config", "clock", "users", "history",
        "privilege", "memory", "statistics", "inventory", "ip", "interface", "interfaces", "brief", "br", "terminal",
        "term", "length", "len", "width", "monitor", "no", "configure", "conf", "t", "enable", "disable", "end",
        "exit", "logout", "do", "hostname", "domain", "name", "domain-name", "lookup", "host", "name-server",
        "username", "privilege", "secret", "password", "service", "password-encryption", "banner", "motd", "line",
        "vty", "0", "4", "1", "15", "login", "local", "transport", "input", "ssh", "telnet", "all", "exec-timeout",
        "GigabitEthernet0/0", "Gi0/1", "g0/2", "address", "10.0.0.1", "255.255.255.0", "255.0.255.0", "description",
        "shutdown", "boot", "system", "flash0:a.bin", "flash", "config-register", "0x2142", "file", "prompt", "quiet",
        "ftp", "tftp", "blocksize", "8192", "passive", "source-interface", "logging", "buffered", "scp", "server",
        "|", "include", "exclude", "begin", "section", "count", "i", "_", "^line", "(", "[", "*", "\\", "#", "^C",
        "65536", "-1", "99999999999999999999", "?", "cisco",
    };
    private static final byte[][] FRAGMENTS = {
        Keystrokes.of("<ESC>"), Keystrokes.of("<ESC>["), Keystrokes.of("<ESC>O"), Keystrokes.of("<ESC>[3~"),
        Keystrokes.of("<ESC>[1;5C"), Keystrokes.of("<ESC>[?1049h"), Keystrokes.of("<ESC>[" + "9".repeat(40)),
        Keystrokes.of("<UP>"), Keystrokes.of("<DOWN>"), Keystrokes.of("<LEFT>"), Keystrokes.of("<RIGHT>"),
        Keystrokes.of("<HOME>"), Keystrokes.of("<END>"), Keystrokes.of("<DELETE>"), Keystrokes.of("<M-b>"),
        Keystrokes.of("<M-f>"), Keystrokes.of("\r\n"), Keystrokes.of("<CR><NUL>"), Keystrokes.of("\n\r"),
        Keystrokes.of("?"), Keystrokes.of("<TAB>"), Keystrokes.of("<C-a>"), Keystrokes.of("<C-e>"),
        Keystrokes.of("<C-k>"), Keystrokes.of("<C-u>"), Keystrokes.of("<C-w>"), Keystrokes.of("<C-y>"),
        Keystrokes.of("<C-d>"), Keystrokes.of("<C-b>"), Keystrokes.of("<C-f>"), Keystrokes.of("<C-p>"),
        Keystrokes.of("<C-n>"), Keystrokes.of("<C-c>"), Keystrokes.of("<C-z>"), Keystrokes.of("<C-^>"),
        Keystrokes.of("<BS>"), Keystrokes.of("<DEL>"), Keystrokes.of(" "), Keystrokes.of("q"),
        {(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF0, (byte) 0x9F}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0x9B, '3', '~'}, {(byte) 0xFF, (byte) 0xFB},
    };

    @TempDir
    Path dir;

    private Level savedLevel;
    private Logger logger;

    @BeforeEach
    void quietLogs() {
        // A DEBUG line per command would dominate the run time; the behaviour under test does not depend on it.
        logger = (Logger) LoggerFactory.getLogger("dev.ioslab");
        savedLevel = logger.getLevel();
        logger.setLevel(Level.ERROR);
    }

    @AfterEach
    void restoreLogs() {
        logger.setLevel(savedLevel);
    }

    @Test
    void survivesRandomAndAdversarialInputAndStaysUsable() {
        Random random = new Random(SEED);
        CliTester t = CliTester.privileged(dir);
        CliTester.Peer session = t.openPeer("admin", 15, "10.9.9.9");
        List<String> problems = new ArrayList<>();
        int reopened = 0;
        long mostOutputBeyondInput = 0;
        for (int i = 0; i < INPUTS; i++) {
            byte[] input = nextInput(random, i);
            String out = session.text(new String(input, StandardCharsets.ISO_8859_1));
            mostOutputBeyondInput = Math.max(mostOutputBeyondInput, out.length() - input.length);
            if (out.contains("%Error: ") && out.contains("Exception") && problems.size() < 10) {
                problems.add("input " + i + " made a command fail internally: " + abbreviate(input) + " -> "
                        + abbreviate(out.getBytes(StandardCharsets.ISO_8859_1)));
            }
            if (session.isClosed()) {
                reopened++;
                session = t.openPeer("admin", 15, "10.9.9.9");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(reopened).as("exit/logout in the random stream").isPositive();
        // Closed sessions give their vty back: only the tester's own session and the last one remain.
        assertThat(t.device().activeLines()).hasSizeLessThanOrEqualTo(2);
        // Output stays in proportion to input (a 64 KiB line echoes what fits and rings the bell for the rest): the
        // largest excess is one command's output (show interfaces, show running-config), never an echo blow-up.
        assertThat(mostOutputBeyondInput).isLessThan(16 * 1024);

        String answer = recover(session);
        assertThat(answer).contains("Current privilege level is ");
        assertThat(t.text("show privilege\r")).isEqualTo("show privilege\r\nCurrent privilege level is 15\r\n"
                + t.device().config().hostname() + "#");
        for (String entry : session.text("terminal length 0\rshow history\r").split("\r\n")) {
            assertThat(entry.length()).isLessThanOrEqualTo(CliSession.MAX_LINE + 2);
        }
    }

    /** Leaves whatever state the fuzz left: question, banner text, pager, sub-mode; then asks the level. */
    private static String recover(CliTester.Peer session) {
        for (int i = 0; i < 5; i++) {
            session.text("\u0003");
            session.text("\u001a");
            session.text("\r");
        }
        return session.text("show privilege\r");
    }

    private static byte[] nextInput(Random random, int index) {
        if (index % 5_000 == 4_999) {
            // 64 KiB line of printable text, then Enter.
            byte[] line = new byte[64 * 1024 + 1];
            for (int i = 0; i < line.length - 1; i++) {
                line[i] = (byte) ('a' + random.nextInt(26));
            }
            line[line.length - 1] = '\r';
            return line;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int kind = random.nextInt(10);
        switch (kind) {
            case 0, 1 -> {
                // Random bytes, control characters included.
                int n = 1 + random.nextInt(24);
                for (int i = 0; i < n; i++) {
                    out.write(random.nextInt(256));
                }
            }
            case 2, 3 -> {
                int n = 1 + random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    out.writeBytes(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                }
            }
            default -> {
                // Real keywords and partial keywords in random order, sometimes with help, Tab or a pipe.
                int n = 1 + random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    String word = WORDS[random.nextInt(WORDS.length)];
                    if (random.nextInt(5) == 0 && word.length() > 1) {
                        word = word.substring(0, 1 + random.nextInt(word.length() - 1));
                    }
                    out.writeBytes(word.getBytes(StandardCharsets.ISO_8859_1));
                    out.write(random.nextInt(8) == 0 ? '\t' : ' ');
                }
                int end = random.nextInt(8);
                if (end < 6) {
                    out.write('\r');
                } else if (end == 6) {
                    out.write('?');
                }
            }
        }
        return out.toByteArray();
    }

    private static String abbreviate(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 120); i++) {
            int b = bytes[i] & 0xff;
            sb.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("<%02x>", b));
        }
        return bytes.length > 120 ? sb + "..." : sb.toString();
    }
}
