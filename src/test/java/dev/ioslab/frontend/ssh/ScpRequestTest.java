package dev.ioslab.frontend.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import dev.ioslab.frontend.ssh.ScpRequest.Direction;
import org.junit.jupiter.api.Test;

class ScpRequestTest {

    @Test
    void readsTheSinkRequestsClientsSend() {
        assertThat(ScpRequest.parse("scp -t flash0:/image.bin"))
                .contains(new ScpRequest(Direction.TO_DEVICE, false, false, false, "flash0:/image.bin"));
        // MINA's client and OpenSSH for a path starting with '-'.
        assertThat(ScpRequest.parse("scp -t -- flash:image.bin"))
                .contains(new ScpRequest(Direction.TO_DEVICE, false, false, false, "flash:image.bin"));
        assertThat(ScpRequest.parse("scp -v -d -t flash0:"))
                .contains(new ScpRequest(Direction.TO_DEVICE, false, true, false, "flash0:"));
        assertThat(ScpRequest.parse("scp -t -- -odd.bin"))
                .contains(new ScpRequest(Direction.TO_DEVICE, false, false, false, "-odd.bin"));
    }

    @Test
    void readsSourceRequestsWithCombinedFlags() {
        assertThat(ScpRequest.parse("scp -pf nvram:startup-config"))
                .contains(new ScpRequest(Direction.FROM_DEVICE, false, false, true, "nvram:startup-config"));
        assertThat(ScpRequest.parse("scp -r -f flash0:dir"))
                .contains(new ScpRequest(Direction.FROM_DEVICE, true, false, false, "flash0:dir"));
    }

    @Test
    void removesShellQuotingAsPythonScpWritesIt() {
        assertThat(ScpRequest.parse("scp -t 'flash0:/my image.bin'").map(ScpRequest::path))
                .contains("flash0:/my image.bin");
        assertThat(ScpRequest.parse("scp -t 'flash0:/it'\"'\"'s.bin'").map(ScpRequest::path))
                .contains("flash0:/it's.bin");
        assertThat(ScpRequest.parse("scp -t \"flash0:a.bin\"").map(ScpRequest::path)).contains("flash0:a.bin");
    }

    @Test
    void claimsEveryScpLineEvenWithoutDirection() {
        assertThat(ScpRequest.parse("scp flash0:x"))
                .contains(new ScpRequest(Direction.NONE, false, false, false, "flash0:x"));
        assertThat(ScpRequest.parse("scp -t -f x").map(ScpRequest::direction)).contains(Direction.NONE);
        assertThat(ScpRequest.parse("  scp")).contains(new ScpRequest(Direction.NONE, false, false, false, ""));
    }

    @Test
    void leavesOtherLinesToTheCli() {
        assertThat(ScpRequest.parse("show version")).isEqualTo(Optional.empty());
        assertThat(ScpRequest.parse("scpx -t flash0:x")).isEmpty();
        assertThat(ScpRequest.parse("show run | include scp")).isEmpty();
        assertThat(ScpRequest.parse("")).isEmpty();
    }
}
