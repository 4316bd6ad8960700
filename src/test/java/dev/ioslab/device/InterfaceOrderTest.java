package dev.ioslab.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterfaceOrderTest {

    @Test
    void loopbacksComeFirstThenTypesByNameThenPortsByNumber() {
        List<String> names = new ArrayList<>(List.of("GigabitEthernet0/10", "Tunnel1", "GigabitEthernet0/2",
                "Loopback10", "GigabitEthernet0/0.100", "Loopback2", "GigabitEthernet0/0", "Embedded-Service-Engine0/0",
                "Null"));
        names.sort(InterfaceOrder.INSTANCE);
        assertThat(names).containsExactly("Loopback2", "Loopback10", "Embedded-Service-Engine0/0",
                "GigabitEthernet0/0", "GigabitEthernet0/0.100", "GigabitEthernet0/2", "GigabitEthernet0/10", "Null",
                "Tunnel1");
    }
}
