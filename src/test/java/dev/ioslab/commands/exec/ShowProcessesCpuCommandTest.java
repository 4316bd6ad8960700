package dev.ioslab.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.CliTester;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowProcessesCpuCommandTest {

    /** Ansible cisco.ios legacy hardware facts (automation-clients.md §3.4). */
    private static final Pattern ANSIBLE_CPU = Pattern.compile("(^Core\\s(?<core>\\d+)?:)?(^|\\s)CPU\\sutilization\\s"
            + "for\\sfive\\sseconds:(\\s(?<fsec>\\d+)?%)?(\\s(?<fsenom>\\d+)%/(?<fsdenom>\\d+)%\\)?)?;\\sone\\sminute:"
            + "\\s(?<amin>\\d+)?%;\\sfive\\sminutes:\\s(?<fmin>\\d+)?%", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void utilisationLineParsesWithAnsiblesRegex() {
        CliTester t = CliTester.privileged(dir);
        String out = t.text("show processes cpu | include CPU utilization\r");
        assertThat(out).startsWith("show processes cpu | include CPU utilization\r\nCPU utilization for five seconds: ")
                .endsWith("\r\nR1#");
        assertThat(out.split("\r\n")).hasSize(3);
        assertThat(ANSIBLE_CPU.matcher(out.replace("\r", "")).find()).isTrue();
    }
}
