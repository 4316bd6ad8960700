package dev.ioslab.device;

import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * The order {@code show running-config} lists interfaces in: loopbacks first, then by type name, then by the numbers
 * of the slot/port path ({@code GigabitEthernet0/2} before {@code GigabitEthernet0/10}). Stateless; no regular
 * expression on the type part, since every device of a rack sorts its interfaces when it is built.
 */
final class InterfaceOrder implements Comparator<String> {

    static final InterfaceOrder INSTANCE = new InterfaceOrder();

    private static final Pattern SEPARATOR = Pattern.compile("[/.]");

    private InterfaceOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int sa = numbersStart(a);
        int sb = numbersStart(b);
        String ta = a.substring(0, sa);
        String tb = b.substring(0, sb);
        if (!ta.equals(tb)) {
            int byType = Integer.compare(typeOrder(ta), typeOrder(tb));
            return byType != 0 ? byType : ta.compareTo(tb);
        }
        String[] na = SEPARATOR.split(a.substring(sa));
        String[] nb = SEPARATOR.split(b.substring(sb));
        for (int i = 0; i < Math.min(na.length, nb.length); i++) {
            int c = Integer.compare(number(na[i]), number(nb[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(na.length, nb.length);
    }

    /** Where the trailing run of digits, slashes and dots begins. */
    private static int numbersStart(String name) {
        int i = name.length();
        while (i > 0) {
            char c = name.charAt(i - 1);
            if (!(c >= '0' && c <= '9' || c == '/' || c == '.')) {
                break;
            }
            i--;
        }
        return i;
    }

    private static int number(String part) {
        return part.isEmpty() ? -1 : Integer.parseInt(part);
    }

    private static int typeOrder(String type) {
        return type.equals("Loopback") ? 0 : 1;
    }
}
