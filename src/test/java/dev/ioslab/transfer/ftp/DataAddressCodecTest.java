package dev.ioslab.transfer.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DataAddressCodecTest {

    @Test
    void readsTheEpsvPort() {
        assertThat(DataAddressCodec.epsvPort("Entering Extended Passive Mode (|||6446|)")).hasValue(6446);
        assertThat(DataAddressCodec.epsvPort("Extended Passive (!!!1025!)")).hasValue(1025);
    }

    @Test
    void refusesAMalformedEpsvReply() {
        for (String bad : new String[] {"Entering Extended Passive Mode", "(|||0|)", "(|||70000|)", "(||6446|)",
                "(|!|6446|)", "(|||abc|)"}) {
            assertThat(DataAddressCodec.epsvPort(bad)).as(bad).isEqualTo(OptionalInt.empty());
        }
    }

    @Test
    void readsThePasvAddressInItsVariousForms() throws Exception {
        InetSocketAddress expected = new InetSocketAddress(InetAddress.getByName("192.168.1.2"), 195 * 256 + 80);
        assertThat(DataAddressCodec.pasvAddress("Entering Passive Mode (192,168,1,2,195,80).")).hasValue(expected);
        assertThat(DataAddressCodec.pasvAddress("Entering Passive Mode 192,168,1,2,195,80")).hasValue(expected);
        assertThat(DataAddressCodec.pasvAddress("=192, 168, 1, 2, 195, 80")).hasValue(expected);
    }

    @Test
    void refusesAMalformedPasvReply() {
        for (String bad : new String[] {"Entering Passive Mode", "(1,2,3,4,5)", "(256,1,1,1,1,1)", "(1,2,3,4,0,0)"}) {
            assertThat(DataAddressCodec.pasvAddress(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void writesEprtAndPortArguments() throws Exception {
        InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 50001);
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("::1"), 50001);
        assertThat(DataAddressCodec.eprtArgument(v4)).isEqualTo("|1|127.0.0.1|50001|");
        assertThat(DataAddressCodec.eprtArgument(v6)).isEqualTo("|2|0:0:0:0:0:0:0:1|50001|");
        assertThat(DataAddressCodec.portArgument(v4)).hasValue("127,0,0,1,195,81");
        assertThat(DataAddressCodec.portArgument(v6)).isEmpty();
    }
}
