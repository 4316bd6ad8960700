package dev.ioslab.commands.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioslab.testing.CliTester;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code access-list N ...} and {@code access-class N in} as the running configuration shows them. */
class AccessListCommandTest {

    @TempDir
    Path dir;

    @Test
    void entriesAndTheLinesAccessClassAppearInTheRunningConfig() {
        CliTester t = CliTester.privileged(dir);
        t.text("terminal length 0\rconfigure terminal\r"
                + "access-list 10 permit 10.1.1.9 0.0.0.255\r"
                + "access-list 10 permit host 192.0.2.7\r"
                + "access-list 10 deny any\r"
                + "line vty 0 4\r"
                + "access-class 10 in\r"
                + "end\r");
        String config = t.text("show running-config\r");
        assertThat(config).contains("\r\naccess-list 10 permit 10.1.1.0 0.0.0.255\r\n"
                + "access-list 10 permit 192.0.2.7\r\n"
                + "access-list 10 deny   any\r\n");
        assertThat(config).contains("\r\nline vty 0 4\r\n access-class 10 in\r\n");

        t.text("configure terminal\rno access-list 10\rline vty 0 4\rno access-class 10 in\rend\r");
        assertThat(t.text("show running-config\r")).doesNotContain("access-list").doesNotContain("access-class");
    }
}
