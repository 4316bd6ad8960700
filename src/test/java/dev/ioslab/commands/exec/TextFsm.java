package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's python3-textfsm on device output with the real ntc-templates vendored in the test resources
 * ({@code src/test/resources/ntc-templates}, see its NOTICE); skips the calling test when python3-textfsm is not
 * installed.
 */
public final class TextFsm {

    /** The vendored ntc-templates folder (with its {@code index}, as Netmiko's {@code NET_TEXTFSM} wants it). */
    public static final Path TEMPLATES = Path.of("src", "test", "resources", "ntc-templates").toAbsolutePath();
    private static final String SCRIPT = String.join("\n",
            "import sys, textfsm",
            "with open(sys.argv[1]) as t:",
            "    fsm = textfsm.TextFSM(t)",
            "rows = fsm.ParseText(open(sys.argv[2]).read())",
            "print('|'.join(fsm.header))",
            "for r in rows:",
            "    print('|'.join(str(v) for v in r))",
            "");

    private TextFsm() {
    }

    /** The header row then one row per record, fields joined by {@code |}. */
    static List<String> parse(String template, String output, Path scratch) throws IOException, InterruptedException {
        assumeThat(available()).as("python3-textfsm installed").isTrue();
        Path templateFile = TEMPLATES.resolve(template);
        assertThat(templateFile).as("vendored ntc-templates").exists();
        Path text = Files.writeString(scratch.resolve("output.txt"), output.replace("\r\n", "\n"));
        Path script = Files.writeString(scratch.resolve("parse.py"), SCRIPT);
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), templateFile.toString(), text.toString())
                .redirectErrorStream(true).start();
        String result = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("textfsm failed: " + result);
        }
        return new ArrayList<>(result.lines().toList());
    }

    private static boolean available() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import textfsm").redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
