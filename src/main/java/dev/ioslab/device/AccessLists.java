package dev.ioslab.device;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The device's numbered standard IP access lists ({@code access-list 1-99}). A list permits a source when its first
 * matching entry permits it; a source no entry matches is denied (IOS's implicit deny at the end). A number with no
 * list behind it permits everything, as IOS treats an {@code access-class} naming an undefined list.
 *
 * <p>Threading: synchronized; read from connection threads (vty claims) while the CLI changes it.
 */
public final class AccessLists {

    private final Map<Integer, List<AccessListEntry>> lists = new TreeMap<>();

    /** Appends {@code entry} to list {@code number}; an entry the list already holds is not added twice. */
    public synchronized void add(int number, AccessListEntry entry) {
        List<AccessListEntry> list = lists.computeIfAbsent(number, n -> new ArrayList<>());
        if (!list.contains(entry)) {
            list.add(entry);
        }
    }

    /** {@code no access-list N}: removes the whole list. */
    public synchronized void remove(int number) {
        lists.remove(number);
    }

    /** True when list {@code number} lets {@code source} through. */
    public synchronized boolean permits(int number, InetAddress source) {
        List<AccessListEntry> list = lists.get(number);
        if (list == null) {
            return true;
        }
        return list.stream().filter(e -> e.matches(source)).findFirst().map(AccessListEntry::permit).orElse(false);
    }

    /** Appends the lists as IOS's running configuration shows them, lowest number first. */
    synchronized void render(List<String> out) {
        lists.forEach((n, entries) -> entries.forEach(e -> out.add("access-list " + n + " " + e.render())));
    }
}
